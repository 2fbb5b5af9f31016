package dev.kurashi.search;

import dev.kurashi.reading.ArticleDocument;
import dev.kurashi.reading.ArticleService;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        super(indices, new Articles(articles, config.articleAlias()));
    }

    /** Articles as the index holds them: by slug, paged by id. */
    private record Articles(ArticleService service, String alias) implements SearchIndices.Contents<ArticleDocument> {

        @Override
        public long buildLockKey() {
            return BUILD_LOCK_KEY;
        }

        @Override
        public Map<String, Object> properties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", Map.of("type", "long"));
            properties.put("slug", Map.of("type", "keyword"));
            properties.put("title", SearchIndices.TEXT);
            properties.put("lead", SearchIndices.TEXT);
            properties.put("body", SearchIndices.TEXT);
            properties.put("tags", SearchIndices.TEXT);
            properties.put("publishAt", Map.of("type", "date"));
            properties.put("heroImageUrl", Map.of("type", "keyword", "index", false));
            return properties;
        }

        @Override
        public Optional<ArticleDocument> document(String slug) {
            return service.document(slug);
        }

        @Override
        public List<ArticleDocument> documentsAfter(long afterId, int limit) {
            return service.documents(afterId, limit);
        }

        @Override
        public String id(ArticleDocument d) {
            return d.slug();
        }

        @Override
        public long key(ArticleDocument d) {
            return d.id();
        }

        @Override
        public Map<String, Object> source(ArticleDocument d) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("id", d.id());
            source.put("slug", d.slug());
            source.put("title", d.title());
            source.put("lead", d.lead());
            source.put("body", d.bodyText());
            source.put("tags", d.tags());
            source.put("publishAt", d.publishAt().toString());
            source.put("heroImageUrl", d.heroImageUrl());
            return source;
        }
    }
}
