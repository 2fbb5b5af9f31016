package dev.kurashi.search;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Builds the product and article indices at start-up when their aliases are missing (a fresh devstack, a new
 * environment), after the seed (which observes start-up at the default priority), when
 * {@code kurashi.search.build-on-start} is on (the shop-app; the workers leave it off). One node builds each index
 * under its advisory lock; the others find it built. Search answers from SQL meanwhile, and if OpenSearch is down
 * the app still starts.
 */
@ApplicationScoped
class SearchIndexStartup {

    private static final Logger LOG = Logger.getLogger(SearchIndexStartup.class);

    private final ProductIndexService products;
    private final ArticleIndexService articles;
    private final boolean enabled;

    public SearchIndexStartup(ProductIndexService products, ArticleIndexService articles, SearchConfig config) {
        this.products = products;
        this.articles = articles;
        this.enabled = config.buildOnStart();
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (!enabled) {
            return;
        }
        build("product", products::buildIfMissing);
        build("article", articles::buildIfMissing);
    }

    private static void build(String what, BooleanSupplier buildIfMissing) {
        try {
            if (buildIfMissing.getAsBoolean()) {
                LOG.infof("Built the %s search index at start-up", what);
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "The %s search index was not built at start-up (%s); search answers from SQL until it is",
                    what, e.toString());
        }
    }
}
