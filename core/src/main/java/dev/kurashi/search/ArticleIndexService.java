package dev.kurashi.search;

import dev.kurashi.reading.ArticleDocument;
import dev.kurashi.reading.ArticleService;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The article index: published and scheduled articles behind the alias {@code kurashi.search.article-alias}
 * ({@code articles}), kept by {@link SearchIndices} with the same Japanese analysis as products. The queue-worker
 * calls {@link #index(String)} for each {@code ArticleChanged}; the nightly batch and a first start call
 * {@link #rebuild()}.
 *
 * <p>Drafts are not indexed; scheduled articles are, with {@code publishAt}, and {@link ArticleSearchEngine} only
 * matches those whose time has come.
 */
// A singleton, not a normal-scoped bean: no client proxy, so the base class needs no no-args constructor.
@Singleton
public class ArticleIndexService extends AliasedIndex<ArticleDocument> {

    /** pg_advisory_xact_lock key ("kurashi" + 3): its own, so an article build never waits for the product one. */
    static final long BUILD_LOCK_KEY = 0x6b75726173686903L;

    public ArticleIndexService(SearchIndices indices, ArticleService articles, SearchConfig config) {
        super(
                indices,
                new SearchIndices.Contents<>(
                        config.articleAlias(),
                        BUILD_LOCK_KEY,
                        SearchIndices.fields(
                                "id",
                                Map.of("type", "long"),
                                "slug",
                                Map.of("type", "keyword"),
                                "title",
                                SearchIndices.TEXT,
                                "lead",
                                SearchIndices.TEXT,
                                "body",
                                SearchIndices.TEXT,
                                "tags",
                                SearchIndices.TEXT,
                                "publishAt",
                                Map.of("type", "date"),
                                "heroImageUrl",
                                Map.of("type", "keyword", "index", false)),
                        articles::document,
                        articles::documents,
                        ArticleDocument::slug,
                        ArticleDocument::id,
                        d -> SearchIndices.fields(
                                "id", d.id(),
                                "slug", d.slug(),
                                "title", d.title(),
                                "lead", d.lead(),
                                "body", d.bodyText(),
                                "tags", d.tags(),
                                "publishAt", d.publishAt().toString(),
                                "heroImageUrl", d.heroImageUrl())));
    }
}
