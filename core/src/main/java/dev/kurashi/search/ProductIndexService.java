package dev.kurashi.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.ProductDocument;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The product index in OpenSearch: a concrete index {@code products-v<timestamp>} behind the alias
 * {@code products}. The queue-worker calls {@link #index(String)} for each {@code ProductChanged}; the nightly
 * batch and a first start call {@link #rebuild()}, which fills a new index and swaps the alias atomically, so
 * searches never see a half-built index.
 *
 * <p>Analysis follows the cluster: kuromoji (morphological, as on Amazon OpenSearch Service) when the
 * {@code analysis-kuromoji} plugin is installed, else the {@code cjk} bigram chain. Both start with a char filter
 * that folds full-width Latin and half-width katakana (ｍｕｇ → mug, ﾏｸﾞｶｯﾌﾟ → マグカップ) before tokenising, and
 * keep {@code cjk_width} after it.
 */
@ApplicationScoped
public class ProductIndexService {

    private static final Logger LOG = Logger.getLogger(ProductIndexService.class);

    /** pg_advisory_xact_lock key ("kurashi" + 2): nodes starting together build the index once. */
    static final long BUILD_LOCK_KEY = 0x6b75726173686902L;

    static final String ANALYZER = "kurashi_text";
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final RestClient client;
    private final ObjectMapper mapper;
    private final CatalogService catalog;
    private final SearchConfig config;
    private final Session session;

    public ProductIndexService(
            RestClient client, ObjectMapper mapper, CatalogService catalog, SearchConfig config, Session session) {
        this.client = client;
        this.mapper = mapper;
        this.catalog = catalog;
        this.config = config;
        this.session = session;
    }

    /** Creates an empty index behind the alias unless the alias exists. Returns whether it created one. */
    @WithSpan
    public boolean ensureIndex() {
        if (aliasExists()) {
            return false;
        }
        String index = createIndex();
        swapAlias(index);
        return true;
    }

    /** Upserts one product from the database; deletes its document when the product is gone or inactive. */
    @WithSpan
    public void index(String slug) {
        ensureIndex();
        Optional<ProductDocument> document = catalog.document(slug);
        String path = "/" + config.productAlias() + "/_doc/" + slug;
        if (document.isPresent()) {
            Request request = new Request("PUT", path);
            request.setEntity(json(source(document.get())));
            perform(request);
        } else {
            Request request = new Request("DELETE", path);
            request.addParameter("ignore", "404");
            perform(request);
        }
    }

    /**
     * Builds a new index from every active product (bulk requests of {@code kurashi.search.bulk-size}), swaps the
     * alias to it in one atomic {@code _aliases} call and deletes the indices it replaced. Returns the documents
     * indexed.
     */
    @WithSpan
    public int rebuild() {
        List<String> previous = aliasedIndices();
        String index = createIndex();
        int count = 0;
        long afterId = 0;
        try {
            while (true) {
                List<ProductDocument> batch = catalog.documents(afterId, config.bulkSize());
                if (batch.isEmpty()) {
                    break;
                }
                bulk(index, batch);
                count += batch.size();
                afterId = batch.getLast().id();
            }
            perform(new Request("POST", "/" + index + "/_refresh"));
            swapAlias(index);
        } catch (RuntimeException e) {
            deleteIndex(index);
            throw e;
        }
        previous.forEach(this::deleteIndex);
        LOG.infof("Built search index %s with %d products (alias %s)", index, count, config.productAlias());
        return count;
    }

    /**
     * Builds the index when the alias is missing or empty, under a PostgreSQL advisory lock so that of several
     * nodes starting together one builds and the others find it built. Returns whether this call built it.
     */
    @WithSpan
    public boolean buildIfMissing() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) Duration.ofMinutes(10).toSeconds())
                .call(() -> {
                    session.doWork(connection -> {
                        try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                            lock.setLong(1, BUILD_LOCK_KEY);
                            lock.execute();
                        }
                    });
                    if (aliasExists() && documentCount() > 0) {
                        return false;
                    }
                    rebuild();
                    return true;
                });
    }

    /** Makes recent writes visible to searches (tests and the end of a build). */
    public void refresh() {
        perform(new Request("POST", "/" + config.productAlias() + "/_refresh"));
    }

    public boolean aliasExists() {
        Request request = new Request("HEAD", "/_alias/" + config.productAlias());
        request.addParameter("ignore", "404");
        return perform(request).getStatusLine().getStatusCode() == 200;
    }

    /** Whether the cluster has the kuromoji plugin on its nodes. */
    public boolean hasKuromoji() {
        Request request = new Request("GET", "/_cat/plugins");
        request.addParameter("format", "json");
        for (JsonNode plugin : read(perform(request))) {
            if ("analysis-kuromoji".equals(plugin.path("component").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The index settings and mappings for a cluster with or without kuromoji. */
    Map<String, Object> indexDefinition(boolean kuromoji) {
        Map<String, Object> analyzer = new LinkedHashMap<>();
        analyzer.put("type", "custom");
        analyzer.put("char_filter", List.of("kurashi_width"));
        if (kuromoji) {
            analyzer.put("tokenizer", "kuromoji_tokenizer");
            analyzer.put(
                    "filter",
                    List.of(
                            "kuromoji_baseform",
                            "kuromoji_part_of_speech",
                            "cjk_width",
                            "ja_stop",
                            "kuromoji_stemmer",
                            "lowercase"));
        } else {
            analyzer.put("tokenizer", "standard");
            analyzer.put("filter", List.of("cjk_width", "lowercase", "cjk_bigram"));
        }
        Map<String, Object> analysis = Map.of(
                "char_filter",
                Map.of("kurashi_width", Map.of("type", "mapping", "mappings", widthMappings())),
                "analyzer",
                Map.of(ANALYZER, analyzer));
        Map<String, Object> text = Map.of("type", "text", "analyzer", ANALYZER);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", Map.of("type", "long"));
        properties.put("slug", Map.of("type", "keyword"));
        properties.put("name", text);
        properties.put("brand", text);
        properties.put("description", text);
        properties.put("category", Map.of("type", "keyword"));
        properties.put("categories", Map.of("type", "keyword"));
        properties.put("priceJpy", Map.of("type", "integer"));
        properties.put("inStock", Map.of("type", "boolean"));
        return Map.of(
                "settings",
                Map.of(
                        "number_of_shards",
                        config.shards(),
                        "number_of_replicas",
                        config.replicas(),
                        "analysis",
                        analysis),
                "mappings",
                Map.of("dynamic", "strict", "properties", properties));
    }

    /**
     * Mapping rules folding what NFKC folds in the half-width and full-width forms block (U+FF01–U+FF9F), a
     * half-width kana followed by its (han)dakuten to the single composed character, and the ideographic space.
     * Every rule is written with backslash-u escapes so that no character of the rule syntax is ambiguous.
     */
    static List<String> widthMappings() {
        List<String> rules = new ArrayList<>();
        for (char c = '\uFF66'; c <= '\uFF9D'; c++) {
            for (char mark : new char[] {'\uFF9E', '\uFF9F'}) {
                String composed = Normalizer.normalize("" + c + mark, Normalizer.Form.NFKC);
                if (composed.length() == 1) {
                    rules.add(escape("" + c + mark) + "=>" + escape(composed));
                }
            }
        }
        for (char c = '\uFF01'; c <= '\uFF9F'; c++) {
            String folded = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
            if (!folded.equals(String.valueOf(c))) {
                rules.add(escape(String.valueOf(c)) + "=>" + escape(folded));
            }
        }
        rules.add(escape("\u3000") + "=>" + escape(" "));
        return rules;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(String.format("\\u%04X", (int) c));
        }
        return out.toString();
    }

    private Map<String, Object> source(ProductDocument d) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", d.id());
        source.put("slug", d.slug());
        source.put("name", d.name());
        source.put("brand", d.brand());
        source.put("description", d.description());
        source.put("category", d.category());
        source.put("categories", d.categories());
        source.put("priceJpy", d.priceJpy());
        source.put("inStock", d.inStock());
        return source;
    }

    private String createIndex() {
        String index = config.productAlias() + "-v" + VERSION.format(ZonedDateTime.now(ZoneOffset.UTC));
        boolean kuromoji = hasKuromoji();
        Request request = new Request("PUT", "/" + index);
        request.setEntity(json(indexDefinition(kuromoji)));
        perform(request);
        LOG.debugf("Created search index %s (%s analysis)", index, kuromoji ? "kuromoji" : "cjk");
        return index;
    }

    private void bulk(String index, List<ProductDocument> batch) {
        StringBuilder body = new StringBuilder();
        for (ProductDocument d : batch) {
            body.append(write(Map.of("index", Map.of("_index", index, "_id", d.slug()))))
                    .append('\n')
                    .append(write(source(d)))
                    .append('\n');
        }
        Request request = new Request("POST", "/_bulk");
        request.setEntity(
                new NStringEntity(body.toString(), ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
        JsonNode answer = read(perform(request));
        if (answer.path("errors").asBoolean()) {
            throw new IllegalStateException("bulk indexing into " + index + " failed: "
                    + answer.path("items").findValue("error"));
        }
    }

    /** Points the alias at {@code index} alone, in one atomic request. */
    private void swapAlias(String index) {
        List<Map<String, Object>> actions = new ArrayList<>();
        for (String old : aliasedIndices()) {
            actions.add(Map.of("remove", Map.of("index", old, "alias", config.productAlias())));
        }
        actions.add(Map.of("add", Map.of("index", index, "alias", config.productAlias())));
        Request request = new Request("POST", "/_aliases");
        request.setEntity(json(Map.of("actions", actions)));
        perform(request);
    }

    /** The concrete indices behind the alias (none when it does not exist). */
    List<String> aliasedIndices() {
        Request request = new Request("GET", "/_alias/" + config.productAlias());
        request.addParameter("ignore", "404");
        Response response = perform(request);
        if (response.getStatusLine().getStatusCode() == 404) {
            return List.of();
        }
        List<String> indices = new ArrayList<>();
        read(response).fieldNames().forEachRemaining(indices::add);
        return indices;
    }

    private long documentCount() {
        return read(perform(new Request("GET", "/" + config.productAlias() + "/_count")))
                .path("count")
                .asLong();
    }

    private void deleteIndex(String index) {
        Request request = new Request("DELETE", "/" + index);
        request.addParameter("ignore", "404");
        try {
            perform(request);
        } catch (UncheckedIOException e) {
            LOG.warnf(e, "Could not delete search index %s", index);
        }
    }

    private NStringEntity json(Object body) {
        return new NStringEntity(write(body), ContentType.APPLICATION_JSON);
    }

    private String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a search request", e);
        }
    }

    private JsonNode read(Response response) {
        try {
            return mapper.readTree(response.getEntity().getContent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response perform(Request request) {
        try {
            return client.performRequest(request);
        } catch (IOException e) {
            throw new UncheckedIOException(request.getMethod() + " " + request.getEndpoint() + " failed", e);
        }
    }
}
