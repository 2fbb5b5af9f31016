package dev.kurashi.search;

import dev.kurashi.reading.ArticleService;
import dev.kurashi.reading.ArticleSummary;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Article search for {@code /search?type=article|all}: OpenSearch when it answers, SQL otherwise
 * ({@code degraded}). Hits are read back from the database, so an article unpublished since it was indexed is
 * left out; when the database cannot answer, the index's copies are (ADR 1101).
 */
@ApplicationScoped
public class ArticleSearch {

    private final ArticleSearchEngine engine;
    private final ArticleService articles;

    public ArticleSearch(ArticleSearchEngine engine, ArticleService articles) {
        this.engine = engine;
        this.articles = articles;
    }

    /** Published articles matching every term of a query expanded by {@link SynonymService#terms(String)}. */
    @WithSpan
    public Hits search(List<List<String>> terms, int limit) {
        Optional<List<ArticleSummary>> hits = engine.find(terms, limit);
        if (hits.isPresent()) {
            return new Hits(
                    IndexCopies.fromDatabaseOr(
                            hits.get(),
                            () -> articles.publishedSummaries(hits.get().stream()
                                    .map(ArticleSummary::slug)
                                    .toList())),
                    false);
        }
        return new Hits(articles.searchText(terms, limit), true);
    }

    public record Hits(List<ArticleSummary> articles, boolean degraded) {}
}
