package dev.kurashi.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The mechanics every alias-managed index shares: a concrete index {@code <alias>-v<timestamp>} behind an alias,
 * atomic alias swaps, bulk writes, and a first build under a PostgreSQL advisory lock. The article index uses it;
 * the product index holds the same steps inline and can move onto it.
 */
@ApplicationScoped
public class SearchIndices {

    private static final Logger LOG = Logger.getLogger(SearchIndices.class);
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final RestClient client;
    private final ObjectMapper mapper;
    private final Session session;

    public SearchIndices(RestClient client, ObjectMapper mapper, Session session) {
        this.client = client;
        this.mapper = mapper;
        this.session = session;
    }

    public boolean aliasExists(String alias) {
        Request request = new Request("HEAD", "/_alias/" + alias);
        request.addParameter("ignore", "404");
        return perform(request).getStatusLine().getStatusCode() == 200;
    }

    /** The concrete indices behind the alias (none when it does not exist). */
    public List<String> aliasedIndices(String alias) {
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

    /** Creates {@code <alias>-v<timestamp>} with the given settings and mappings; returns its name. */
    public String createIndex(String alias, Map<String, Object> definition) {
        String index = alias + "-v" + VERSION.format(ZonedDateTime.now(ZoneOffset.UTC));
        Request request = new Request("PUT", "/" + index);
        request.setEntity(json(definition));
        perform(request);
        return index;
    }

    /** Points the alias at {@code index} alone, in one atomic request. */
    public void swapAlias(String alias, String index) {
        List<Map<String, Object>> actions = new ArrayList<>();
        for (String old : aliasedIndices(alias)) {
            actions.add(Map.of("remove", Map.of("index", old, "alias", alias)));
        }
        actions.add(Map.of("add", Map.of("index", index, "alias", alias)));
        Request request = new Request("POST", "/_aliases");
        request.setEntity(json(Map.of("actions", actions)));
        perform(request);
    }

    public void deleteIndex(String index) {
        Request request = new Request("DELETE", "/" + index);
        request.addParameter("ignore", "404");
        try {
            perform(request);
        } catch (UncheckedIOException e) {
            LOG.warnf(e, "Could not delete search index %s", index);
        }
    }

    public long documentCount(String alias) {
        return read(perform(new Request("GET", "/" + alias + "/_count")))
                .path("count")
                .asLong();
    }

    /** Writes documents by id in one bulk request; any item failing fails the call. */
    public void bulk(String index, Map<String, ? extends Object> sourcesById) {
        StringBuilder body = new StringBuilder();
        sourcesById.forEach((id, source) -> body.append(write(Map.of("index", Map.of("_index", index, "_id", id))))
                .append('\n')
                .append(write(source))
                .append('\n'));
        Request request = new Request("POST", "/_bulk");
        request.setEntity(
                new NStringEntity(body.toString(), ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
        JsonNode answer = read(perform(request));
        if (answer.path("errors").asBoolean()) {
            throw new IllegalStateException("bulk indexing into " + index + " failed: "
                    + answer.path("items").findValue("error"));
        }
    }

    public void put(String alias, String id, Object source) {
        Request request = new Request("PUT", "/" + alias + "/_doc/" + id);
        request.setEntity(json(source));
        perform(request);
    }

    public void delete(String alias, String id) {
        Request request = new Request("DELETE", "/" + alias + "/_doc/" + id);
        request.addParameter("ignore", "404");
        perform(request);
    }

    public void refresh(String indexOrAlias) {
        perform(new Request("POST", "/" + indexOrAlias + "/_refresh"));
    }

    /**
     * Runs {@code build} when the alias is missing or empty, under a PostgreSQL advisory lock, so that of several
     * nodes starting together one builds and the others find it built. Returns whether this call built it.
     */
    public boolean buildIfMissing(long lockKey, String alias, IntSupplier build) {
        return QuarkusTransaction.requiringNew()
                .timeout((int) Duration.ofMinutes(10).toSeconds())
                .call(() -> {
                    session.doWork(connection -> {
                        try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                            lock.setLong(1, lockKey);
                            lock.execute();
                        }
                    });
                    if (aliasExists(alias) && documentCount(alias) > 0) {
                        return false;
                    }
                    build.getAsInt();
                    return true;
                });
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
