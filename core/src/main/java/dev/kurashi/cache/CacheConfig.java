package dev.kurashi.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The in-process read caches (ADR 1001). Off unless an app turns them on: the shop-app does, the workers do not. */
@ConfigMapping(prefix = "kurashi.cache")
public interface CacheConfig {

    /** Cache shopper reads of the catalog, categories, articles and stock availability. */
    @WithDefault("false")
    boolean enabled();

    /**
     * How long an entry is served without asking the database again. Changes arrive by NOTIFY well before this;
     * the limit bounds what no NOTIFY announces (an article whose scheduled publication time passes) and a
     * notification lost while the LISTEN connection reconnected.
     */
    @WithDefault("30s")
    Duration freshFor();

    /** Entries per cache; the least recently used leave first. */
    @WithDefault("10000")
    int maximumSize();

    /** Wait between attempts to (re)open the LISTEN connection. */
    @WithDefault("1s")
    Duration reconnectAfter();
}
