package dev.kurashi.shop.search;

import dev.kurashi.search.ProductIndexService;
import dev.kurashi.search.SearchConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Builds the product index at start-up when its alias is missing (a fresh devstack, a new environment), after
 * the seed (which observes start-up at the default priority). One node builds; the others wait on the advisory
 * lock and find it built. Search answers from SQL meanwhile, and if OpenSearch is down the app still starts.
 */
@ApplicationScoped
public class SearchIndexStartup {

    private static final Logger LOG = Logger.getLogger(SearchIndexStartup.class);

    private final ProductIndexService index;
    private final boolean enabled;

    public SearchIndexStartup(ProductIndexService index, SearchConfig config) {
        this.index = index;
        this.enabled = config.buildOnStart();
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (!enabled) {
            return;
        }
        try {
            if (index.buildIfMissing()) {
                LOG.info("Built the product search index at start-up");
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Product search index not built at start-up (%s); search answers from SQL until it is",
                    e.toString());
        }
    }
}
