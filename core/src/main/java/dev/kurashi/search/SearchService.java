package dev.kurashi.search;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.common.DomainException;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Product search: OpenSearch when it answers, SQL otherwise ({@code degraded}). Hits are read back from the
 * database, so a product deactivated or sold out since it was indexed shows as it is now.
 */
@ApplicationScoped
public class SearchService {

    public static final int QUERY_MAX = 200;
    public static final int LIMIT_MAX = 100;

    private final ProductSearchEngine engine;
    private final CatalogService catalog;

    public SearchService(ProductSearchEngine engine, CatalogService catalog) {
        this.engine = engine;
        this.catalog = catalog;
    }

    /** Articles join the results with the reading feature; until then they are always empty. */
    @WithSpan
    public SearchResult search(String query, SearchType type, int limit, String category) {
        if (query == null || query.isBlank() || query.length() > QUERY_MAX) {
            throw DomainException.invalid("q must be 1 to " + QUERY_MAX + " characters");
        }
        if (limit < 1 || limit > LIMIT_MAX) {
            throw DomainException.invalid("limit must be between 1 and " + LIMIT_MAX);
        }
        if (type == SearchType.ARTICLE) {
            return new SearchResult(List.of(), false);
        }
        String normalized = SearchText.normalize(query);
        Optional<List<Long>> ids = engine.find(normalized, category, limit);
        if (ids.isPresent()) {
            return new SearchResult(inStockFirst(catalog.summaries(ids.get())), false);
        }
        return new SearchResult(catalog.searchText(SearchText.terms(normalized), category, limit), true);
    }

    /** A stable sort: the engine's order stays within each group, stock as the database has it now. */
    private static List<ProductSummary> inStockFirst(List<ProductSummary> products) {
        List<ProductSummary> sorted = new ArrayList<>(products);
        sorted.sort(Comparator.comparing(ProductSummary::inStock).reversed());
        return sorted;
    }

    public record SearchResult(List<ProductSummary> products, boolean degraded) {}
}
