package dev.kurashi.search;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code kurashi_search_queries_total{type, degraded}}: every search answered, and whether it came from SQL
 * because OpenSearch failed or was slow (the degraded share on the business dashboard).
 */
@ApplicationScoped
class SearchMetrics {

    private final MeterRegistry registry;

    SearchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(SearchType type, boolean degraded) {
        registry.counter(
                        "kurashi.search.queries",
                        "type",
                        type == null ? "all" : type.name().toLowerCase(java.util.Locale.ROOT),
                        "degraded",
                        Boolean.toString(degraded))
                .increment();
    }
}
