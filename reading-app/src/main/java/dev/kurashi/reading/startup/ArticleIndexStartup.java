package dev.kurashi.reading.startup;

import dev.kurashi.search.ArticleIndexService;
import dev.kurashi.search.SearchConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Builds the article index at start-up when its alias is missing, as the shop's SearchIndexStartup does for
 * products (same switch, {@code kurashi.search.build-on-start}; after the seed). One node builds under the
 * advisory lock; search answers articles from SQL meanwhile, and if OpenSearch is down the app still starts.
 */
@ApplicationScoped
public class ArticleIndexStartup {

    private static final Logger LOG = Logger.getLogger(ArticleIndexStartup.class);

    private final ArticleIndexService index;
    private final boolean enabled;

    public ArticleIndexStartup(ArticleIndexService index, SearchConfig config) {
        this.index = index;
        this.enabled = config.buildOnStart();
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (!enabled) {
            return;
        }
        try {
            if (index.buildIfMissing()) {
                LOG.info("Built the article search index at start-up");
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Article search index not built at start-up (%s); search answers from SQL until it is",
                    e.toString());
        }
    }
}
