package dev.kurashi.search;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.common.DomainException;
import dev.kurashi.reading.ArticleSummary;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Search over products and articles: OpenSearch when it answers, SQL otherwise ({@code degraded}). Hits are read
 * back from the database, so a product deactivated or sold out since it was indexed shows as it is now.
 */
@ApplicationScoped
public class SearchService {

    public static final int QUERY_MAX = 200;
    public static final int LIMIT_MAX = 100;

    private final SearchMetrics metrics;
    private final ProductSearchEngine engine;
    private final CatalogService catalog;
    private final ArticleSearch articleSearch;
    private final SynonymService synonyms;

    public SearchService(
            ProductSearchEngine engine,
            CatalogService catalog,
            ArticleSearch articleSearch,
            SearchMetrics metrics,
            SynonymService synonyms) {
        this.metrics = metrics;
        this.engine = engine;
        this.catalog = catalog;
        this.articleSearch = articleSearch;
        this.synonyms = synonyms;
    }

    /**
     * Products (unless {@code type} is ARTICLE) and articles (unless it is PRODUCT), each at most {@code limit};
     * the category filter applies to products. {@code degraded} when either answer came from SQL.
     */
    @WithSpan
    public SearchResult search(String query, SearchType type, int limit, String category) {
        if (query == null || query.isBlank() || query.length() > QUERY_MAX) {
            throw DomainException.invalid("q must be 1 to " + QUERY_MAX + " characters");
        }
        if (limit < 1 || limit > LIMIT_MAX) {
            throw DomainException.invalid("limit must be between 1 and " + LIMIT_MAX);
        }
        List<List<String>> terms = synonyms.terms(SearchText.normalize(query));
        List<ProductSummary> products = List.of();
        List<ArticleSummary> articles = List.of();
        boolean degraded = false;
        if (type != SearchType.ARTICLE) {
            Optional<List<ProductSummary>> hits = engine.find(terms, category, limit);
            if (hits.isPresent()) {
                products = inStockFirst(IndexCopies.fromDatabaseOr(
                        hits.get(),
                        () -> catalog.summaries(
                                hits.get().stream().map(ProductSummary::id).toList())));
            } else {
                products = catalog.searchText(terms, category, limit);
                degraded = true;
            }
        }
        if (type != SearchType.PRODUCT) {
            ArticleSearch.Hits hits = articleSearch.search(terms, limit);
            articles = hits.articles();
            degraded |= hits.degraded();
        }
        metrics.answered(type, degraded);
        return new SearchResult(products, articles, degraded);
    }

    /**
     * Products from the SQL fallback alone, the way {@link #search} answers when the engine is down: the same
     * expansion, so the relevance table can hold both paths to the same answers.
     */
    public List<ProductSummary> searchDatabase(String query, String category, int limit) {
        return catalog.searchText(synonyms.terms(SearchText.normalize(query)), category, limit);
    }

    /** A stable sort: the engine's order stays within each group, stock as the database has it now. */
    private static List<ProductSummary> inStockFirst(List<ProductSummary> products) {
        List<ProductSummary> sorted = new ArrayList<>(products);
        sorted.sort(Comparator.comparing(ProductSummary::inStock).reversed());
        return sorted;
    }

    public record SearchResult(List<ProductSummary> products, List<ArticleSummary> articles, boolean degraded) {}
}
