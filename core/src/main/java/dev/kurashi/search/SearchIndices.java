package dev.kurashi.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Cancellable;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The one mechanism behind every search index: a concrete index {@code <alias>-v<timestamp>} behind an alias,
 * documents upserted one by one for near-real-time changes, and full builds that fill a new index in bulk, swap
 * the alias atomically and delete what it replaced, so searches never see a half-built index. What differs
 * between the product and the article index (alias, fields, where documents come from) is an {@link Contents}.
 *
 * <p>Analysis follows the cluster: kuromoji (morphological, as on Amazon OpenSearch Service) when the
 * {@code analysis-kuromoji} plugin is installed, else the {@code cjk} bigram chain. Both start with a char filter
 * that folds full-width Latin and half-width katakana (ｍｕｇ → mug, ﾏｸﾞｶｯﾌﾟ → マグカップ) before tokenising, and
 * keep {@code cjk_width} after it. Every index gets the same analysis, so products and articles tokenise Japanese
 * the same way.
 */
@ApplicationScoped
class SearchIndices {

    /** The analyzer of every text field ({@link #TEXT}). */
    static final String ANALYZER = "kurashi_text";

    /** The analyzer of queries on text fields: {@link #ANALYZER} without the single-character grams. */
    static final String SEARCH_ANALYZER = "kurashi_search";

    /** The mapping of an analysed text field. */
    static final Map<String, Object> TEXT =
            Map.of("type", "text", "analyzer", ANALYZER, "search_analyzer", SEARCH_ANALYZER);

    /**
     * Of a term's words this many must match in one field: all of up to two (a short katakana word is one or two
     * bigrams), three quarters of longer ones, so that a long Japanese phrase also finds its near misses.
     */
    static final String MINIMUM_SHOULD_MATCH = "2<75%";

    private static final Logger LOG = Logger.getLogger(SearchIndices.class);
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    /**
     * What one index holds, read from the database: documents of type {@code D}, each with a string id (the
     * document id, a slug) and a numeric key that orders a full build in pages.
     *
     * @param buildLockKey pg_advisory_xact_lock key for {@link #buildIfMissing(Contents)}: one per index
     * @param properties the field mappings ({@code dynamic: strict}); text fields use {@link #TEXT}
     * @param bySlug the document of an id, or empty when it must not be in the index (gone, inactive, draft)
     * @param after documents with a key above the given one, by key, at most the given number
     */
    public record Contents<D>(
            String alias,
            long buildLockKey,
            Map<String, Object> properties,
            Function<String, Optional<D>> bySlug,
            BiFunction<Long, Integer, List<D>> after,
            Function<D, String> idOf,
            ToLongFunction<D> keyOf,
            Function<D, Map<String, Object>> sourceOf) {

        Optional<D> document(String id) {
            return bySlug.apply(id);
        }

        List<D> documentsAfter(long afterKey, int limit) {
            return after.apply(afterKey, limit);
        }

        String id(D document) {
            return idOf.apply(document);
        }

        long key(D document) {
            return keyOf.applyAsLong(document);
        }

        Map<String, Object> source(D document) {
            return sourceOf.apply(document);
        }
    }

    /** A document's source from name, value pairs in order; values may be null. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private final RestClient client;
    private final ObjectMapper mapper;
    private final Session session;
    private final SearchConfig config;

    public SearchIndices(RestClient client, ObjectMapper mapper, Session session, SearchConfig config) {
        this.client = client;
        this.mapper = mapper;
        this.session = session;
        this.config = config;
    }

    /** Creates an empty index behind the alias unless the alias exists. Returns whether it created one. */
    public boolean ensureIndex(Contents<?> contents) {
        if (aliasExists(contents.alias())) {
            return false;
        }
        swapAlias(contents.alias(), createIndex(contents));
        return true;
    }

    /** Upserts one document from the database, or deletes it when it must not be in the index. */
    public <D> void index(Contents<D> contents, String id) {
        ensureIndex(contents);
        Optional<D> document = contents.document(id);
        if (document.isPresent()) {
            Request request = new Request("PUT", "/" + contents.alias() + "/_doc/" + id);
            request.setEntity(json(contents.source(document.get())));
            perform(request);
        } else {
            Request request = new Request("DELETE", "/" + contents.alias() + "/_doc/" + id);
            request.addParameter("ignore", "404");
            perform(request);
        }
    }

    /**
     * Builds a new index from every document (bulk requests of {@code kurashi.search.bulk-size}), swaps the alias
     * to it in one atomic {@code _aliases} call and deletes the indices it replaced. Returns the documents indexed.
     */
    public <D> int rebuild(Contents<D> contents) {
        List<String> previous = aliasedIndices(contents.alias());
        String index = createIndex(contents);
        int count = 0;
        long afterKey = 0;
        try {
            while (true) {
                List<D> batch = contents.documentsAfter(afterKey, config.bulkSize());
                if (batch.isEmpty()) {
                    break;
                }
                bulk(contents, index, batch);
                count += batch.size();
                afterKey = contents.key(batch.getLast());
            }
            refresh(index);
            swapAlias(contents.alias(), index);
        } catch (RuntimeException e) {
            deleteIndex(index);
            throw e;
        }
        previous.forEach(this::deleteIndex);
        LOG.infof("Built search index %s with %d documents (alias %s)", index, count, contents.alias());
        return count;
    }

    /**
     * Builds the index when the alias is missing or empty, under the index's PostgreSQL advisory lock, so that of
     * several nodes starting together one builds and the others find it built. Returns whether this call built it.
     */
    public boolean buildIfMissing(Contents<?> contents) {
        return QuarkusTransaction.requiringNew()
                .timeout((int) Duration.ofMinutes(10).toSeconds())
                .call(() -> {
                    session.doWork(connection -> {
                        try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                            lock.setLong(1, contents.buildLockKey());
                            lock.execute();
                        }
                    });
                    if (aliasExists(contents.alias()) && documentCount(contents.alias()) > 0) {
                        addNewFields(contents);
                        return false;
                    }
                    rebuild(contents);
                    return true;
                });
    }

    /**
     * Adds the fields this version maps that the live index lacks ({@code dynamic: strict} would refuse documents
     * that carry them). OpenSearch accepts added fields on a live index; a changed field needs a rebuild, which the
     * batch-worker's reindex does, so a refusal is only logged.
     */
    void addNewFields(Contents<?> contents) {
        Request request = new Request("PUT", "/" + contents.alias() + "/_mapping");
        request.setEntity(json(Map.of("properties", contents.properties())));
        try {
            perform(request);
        } catch (RuntimeException e) {
            LOG.warnf("Search index %s keeps its mapping (%s); a reindex applies this version's", contents.alias(), e);
        }
    }

    /**
     * The {@code _source} of each hit of a search on the alias, in order. The request is sent asynchronously and
     * awaited, so that the calling thread reacts to an interrupt (the engines' {@code @Timeout}; the client's
     * blocking call would not) by cancelling the request instead of waiting for a slow engine.
     */
    List<JsonNode> search(String alias, Map<String, Object> body) {
        Request request = new Request("POST", "/" + alias + "/_search");
        request.setEntity(json(body));
        CompletableFuture<Response> answer = new CompletableFuture<>();
        Cancellable call = client.performRequestAsync(request, new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                answer.complete(response);
            }

            @Override
            public void onFailure(Exception exception) {
                answer.completeExceptionally(exception);
            }
        });
        Response response;
        try {
            response = answer.get();
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("search interrupted"));
        } catch (ExecutionException e) {
            throw new UncheckedIOException(
                    "search on " + alias + " failed",
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        }
        List<JsonNode> sources = new ArrayList<>();
        for (JsonNode hit : read(response).path("hits").path("hits")) {
            sources.add(hit.path("_source"));
        }
        return sources;
    }

    /** Makes recent writes visible to searches (tests and the end of a build). */
    public void refresh(String indexOrAlias) {
        perform(new Request("POST", "/" + indexOrAlias + "/_refresh"));
    }

    public boolean aliasExists(String alias) {
        Request request = new Request("HEAD", "/_alias/" + alias);
        request.addParameter("ignore", "404");
        return perform(request).getStatusLine().getStatusCode() == 200;
    }

    /** The concrete indices behind the alias (none when it does not exist). */
    List<String> aliasedIndices(String alias) {
        Request request = new Request("GET", "/_alias/" + alias);
        request.addParameter("ignore", "404");
        Response response = perform(request);
        if (response.getStatusLine().getStatusCode() == 404) {
            return List.of();
        }
        List<String> indices = new ArrayList<>();
        read(response).fieldNames().forEachRemaining(indices::add);
        return indices;
    }

    /** Whether the cluster has the kuromoji plugin on its nodes. */
    boolean hasKuromoji() {
        Request request = new Request("GET", "/_cat/plugins");
        request.addParameter("format", "json");
        for (JsonNode plugin : read(perform(request))) {
            if ("analysis-kuromoji".equals(plugin.path("component").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The index settings (shared analysis) and the given field mappings, for a cluster with or without kuromoji. */
    Map<String, Object> indexDefinition(Map<String, Object> properties, boolean kuromoji) {
        Map<String, Object> analyzer = new LinkedHashMap<>();
        analyzer.put("type", "custom");
        analyzer.put("char_filter", List.of("kurashi_width"));
        Map<String, Object> searchAnalyzer = new LinkedHashMap<>(analyzer);
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
            searchAnalyzer = analyzer;
        } else {
            // The index keeps single characters beside the bigrams, so that a one-kanji query (鍋) finds the
            // words it is part of (鍋敷き); a query of two or more characters is searched as bigrams only.
            analyzer.put("tokenizer", "standard");
            analyzer.put("filter", List.of("cjk_width", "lowercase", "kurashi_bigram_unigram"));
            searchAnalyzer.put("tokenizer", "standard");
            searchAnalyzer.put("filter", List.of("cjk_width", "lowercase", "cjk_bigram"));
        }
        Map<String, Object> analysis = Map.of(
                "char_filter",
                Map.of("kurashi_width", Map.of("type", "mapping", "mappings", widthMappings())),
                "filter",
                Map.of("kurashi_bigram_unigram", Map.of("type", "cjk_bigram", "output_unigrams", true)),
                "analyzer",
                Map.of(ANALYZER, analyzer, SEARCH_ANALYZER, searchAnalyzer));
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
     * A query that every term matches through at least one of its spellings ({@link SearchTerms}), scored on the
     * given boosted fields (best field wins, so a hit in the name outranks one in the description).
     */
    static Map<String, Object> allTerms(List<List<String>> terms, List<String> fields) {
        List<Map<String, Object>> must = new ArrayList<>();
        for (List<String> spellings : terms) {
            List<Map<String, Object>> should = new ArrayList<>();
            for (String spelling : spellings) {
                should.add(Map.of(
                        "multi_match",
                        Map.of("query", spelling, "fields", fields, "minimum_should_match", MINIMUM_SHOULD_MATCH)));
            }
            must.add(Map.of("bool", Map.of("should", should, "minimum_should_match", 1)));
        }
        return Map.of("bool", Map.of("must", must));
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

    /** Creates {@code <alias>-v<timestamp>} with the shared analysis and the index's fields; returns its name. */
    private String createIndex(Contents<?> contents) {
        String index = contents.alias() + "-v" + VERSION.format(ZonedDateTime.now(ZoneOffset.UTC));
        boolean kuromoji = hasKuromoji();
        Request request = new Request("PUT", "/" + index);
        request.setEntity(json(indexDefinition(contents.properties(), kuromoji)));
        perform(request);
        LOG.debugf("Created search index %s (%s analysis)", index, kuromoji ? "kuromoji" : "cjk");
        return index;
    }

    /** Points the alias at {@code index} alone, in one atomic request. */
    private void swapAlias(String alias, String index) {
        List<Map<String, Object>> actions = new ArrayList<>();
        for (String old : aliasedIndices(alias)) {
            actions.add(Map.of("remove", Map.of("index", old, "alias", alias)));
        }
        actions.add(Map.of("add", Map.of("index", index, "alias", alias)));
        Request request = new Request("POST", "/_aliases");
        request.setEntity(json(Map.of("actions", actions)));
        perform(request);
    }

    /** Writes a batch in one bulk request; any item failing fails the call. */
    private <D> void bulk(Contents<D> contents, String index, List<D> batch) {
        StringBuilder body = new StringBuilder();
        for (D document : batch) {
            body.append(write(Map.of("index", Map.of("_index", index, "_id", contents.id(document)))))
                    .append('\n')
                    .append(write(contents.source(document)))
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

    private long documentCount(String alias) {
        return read(perform(new Request("GET", "/" + alias + "/_count")))
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
