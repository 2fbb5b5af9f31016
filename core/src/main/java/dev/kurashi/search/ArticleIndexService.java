package dev.kurashi.search;

import dev.kurashi.reading.ArticleDocument;
import dev.kurashi.reading.ArticleService;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The article index in OpenSearch: {@code articles-v<timestamp>} behind the alias {@code articles}, with the
 * product index's analysis settings (kuromoji or cjk bigrams, width folding) taken from
 * {@link ProductIndexService#indexDefinition(boolean)}, so both indices tokenise Japanese the same way.
 * The queue-worker calls {@link #index(String)} for each {@code ArticleChanged}; the nightly batch and a first
 * start call {@link #rebuild()}.
 *
 * <p>Drafts are not indexed; scheduled articles are, with {@code publishAt}, and {@link ArticleSearchEngine} only
 * matches those whose time has come.
 */
@ApplicationScoped
public class ArticleIndexService {

    private static final Logger LOG = Logger.getLogger(ArticleIndexService.class);

    /** pg_advisory_xact_lock key ("kurashi" + 3): nodes starting together build the index once. */
    static final long BUILD_LOCK_KEY = 0x6b75726173686903L;

    private final SearchIndices indices;
    private final ArticleService articles;
    private final ProductIndexService products;
    private final SearchConfig config;

    public ArticleIndexService(
            SearchIndices indices, ArticleService articles, ProductIndexService products, SearchConfig config) {
        this.indices = indices;
        this.articles = articles;
        this.products = products;
        this.config = config;
    }

    /** Creates an empty index behind the alias unless the alias exists. Returns whether it created one. */
    @WithSpan
    public boolean ensureIndex() {
        if (aliasExists()) {
            return false;
        }
        indices.swapAlias(alias(), createIndex());
        return true;
    }

    /** Upserts one article from the database; deletes its document when it is a draft or gone. */
    @WithSpan
    public void index(String slug) {
        ensureIndex();
        Optional<ArticleDocument> document = articles.document(slug);
        if (document.isPresent()) {
            indices.put(alias(), slug, source(document.get()));
        } else {
            indices.delete(alias(), slug);
        }
    }

    /**
     * Builds a new index from every published and scheduled article, swaps the alias to it atomically and
     * deletes the indices it replaced. Returns the documents indexed.
     */
    @WithSpan
    public int rebuild() {
        List<String> previous = indices.aliasedIndices(alias());
        String index = createIndex();
        int count = 0;
        long afterId = 0;
        try {
            while (true) {
                List<ArticleDocument> batch = articles.documents(afterId, config.bulkSize());
                if (batch.isEmpty()) {
                    break;
                }
                Map<String, Object> sources = new LinkedHashMap<>();
                batch.forEach(d -> sources.put(d.slug(), source(d)));
                indices.bulk(index, sources);
                count += batch.size();
                afterId = batch.getLast().id();
            }
            indices.refresh(index);
            indices.swapAlias(alias(), index);
        } catch (RuntimeException e) {
            indices.deleteIndex(index);
            throw e;
        }
        previous.forEach(indices::deleteIndex);
        LOG.infof("Built search index %s with %d articles (alias %s)", index, count, alias());
        return count;
    }

    /**
     * Builds the index when the alias is missing or empty, under its own advisory lock (so it never waits for the
     * product build). Returns whether this call built it.
     */
    @WithSpan
    public boolean buildIfMissing() {
        return indices.buildIfMissing(BUILD_LOCK_KEY, alias(), this::rebuild);
    }

    /** Makes recent writes visible to searches (tests and the end of a build). */
    public void refresh() {
        indices.refresh(alias());
    }

    public boolean aliasExists() {
        return indices.aliasExists(alias());
    }

    /** The product index's settings (analysis included) with the article mappings. */
    @SuppressWarnings("unchecked")
    Map<String, Object> indexDefinition(boolean kuromoji) {
        Map<String, Object> settings =
                (Map<String, Object>) products.indexDefinition(kuromoji).get("settings");
        Map<String, Object> text = Map.of("type", "text", "analyzer", ProductIndexService.ANALYZER);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", Map.of("type", "long"));
        properties.put("slug", Map.of("type", "keyword"));
        properties.put("title", text);
        properties.put("lead", text);
        properties.put("body", text);
        properties.put("tags", text);
        properties.put("publishAt", Map.of("type", "date"));
        return Map.of("settings", settings, "mappings", Map.of("dynamic", "strict", "properties", properties));
    }

    private String alias() {
        return config.articleAlias();
    }

    private String createIndex() {
        boolean kuromoji = products.hasKuromoji();
        String index = indices.createIndex(alias(), indexDefinition(kuromoji));
        LOG.debugf("Created search index %s (%s analysis)", index, kuromoji ? "kuromoji" : "cjk");
        return index;
    }

    private static Map<String, Object> source(ArticleDocument d) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", d.id());
        source.put("slug", d.slug());
        source.put("title", d.title());
        source.put("lead", d.lead());
        source.put("body", d.bodyText());
        source.put("tags", d.tags());
        source.put("publishAt", d.publishAt().toString());
        return source;
    }
}
