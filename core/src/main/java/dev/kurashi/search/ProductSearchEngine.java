package dev.kurashi.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kurashi.catalog.ProductSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

/**
 * Product queries against OpenSearch, guarded: a slow engine times out, a failing one opens the circuit, and
 * either way the answer is empty so that {@link SearchService} falls back to SQL. Override the limits with
 * MicroProfile FT keys such as {@code dev.kurashi.search.ProductSearchEngine/find/Timeout/value}.
 */
@ApplicationScoped
class ProductSearchEngine {

    private static final Logger LOG = Logger.getLogger(ProductSearchEngine.class);

    private final SearchIndices indices;
    private final SearchConfig config;

    public ProductSearchEngine(SearchIndices indices, SearchConfig config) {
        this.indices = indices;
        this.config = config;
    }

    /**
     * Products matching every term (through one of its spellings), in-stock first, then by relevance (name over brand over
     * description); empty when the engine did not answer in time or failed.
     */
    @Timeout(value = 800, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<List<ProductSummary>> find(List<List<String>> terms, String category, int limit) {
        return Optional.of(indices.search(config.productAlias(), query(terms, category, limit)).stream()
                .map(ProductSearchEngine::hit)
                .toList());
    }

    /** A hit as the index holds it; the caller reads the product again from the database when it can. */
    static ProductSummary hit(JsonNode source) {
        JsonNode price = source.path("priceJpy");
        JsonNode image = source.path("imageUrl");
        return new ProductSummary(
                source.path("id").asLong(),
                source.path("slug").asText(),
                source.path("name").asText(),
                source.path("brand").asText(null),
                price.isNumber() ? price.asInt() : null,
                image.isTextual() ? image.asText() : null,
                source.path("inStock").asBoolean());
    }

    Optional<List<ProductSummary>> unavailable(List<List<String>> terms, String category, int limit) {
        LOG.warn("Search engine unavailable or slow; answering from SQL (degraded)");
        return Optional.empty();
    }

    static Map<String, Object> query(List<List<String>> terms, String category, int limit) {
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put("must", SearchIndices.allTerms(terms, List.of("name^4", "brand^2", "description")));
        if (category != null && !category.isBlank()) {
            bool.put("filter", List.of(Map.of("term", Map.of("categories", category))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", limit);
        body.put("_source", List.of("id", "slug", "name", "brand", "priceJpy", "imageUrl", "inStock"));
        body.put("query", Map.of("bool", bool));
        body.put("sort", List.of(Map.of("inStock", "desc"), "_score", Map.of("id", "asc")));
        return body;
    }
}
