package dev.kurashi.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The search indices in OpenSearch. Timeouts and the circuit breaker are MicroProfile FT settings. */
@ConfigMapping(prefix = "kurashi.search")
public interface SearchConfig {

    /** The alias the apps read and write; a full build swaps it to a new concrete index. */
    @WithDefault("products")
    String productAlias();

    /** The article index's alias (same analysis as products; see SearchIndices). */
    @WithDefault("articles")
    String articleAlias();

    /** Documents per bulk request during a full build. */
    @WithDefault("500")
    int bulkSize();

    /** Shards of a new index (1 suits a catalog of this size; replicas follow the cluster's nodes). */
    @WithDefault("1")
    int shards();

    @WithDefault("0")
    int replicas();

    /** Build the index at start-up when its alias is missing (the shop-app does; workers need not). */
    @WithDefault("false")
    boolean buildOnStart();
}
