package dev.kurashi.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.elasticsearch.client.Cancellable;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.jboss.logging.Logger;

/**
 * Product queries against OpenSearch, guarded: a slow engine times out, a failing one opens the circuit, and
 * either way the answer is empty so that {@link SearchService} falls back to SQL. Override the limits with
 * MicroProfile FT keys such as {@code dev.kurashi.search.ProductSearchEngine/find/Timeout/value}.
 */
@ApplicationScoped
public class ProductSearchEngine {

    private static final Logger LOG = Logger.getLogger(ProductSearchEngine.class);

    private final RestClient client;
    private final ObjectMapper mapper;
    private final SearchConfig config;

    public ProductSearchEngine(RestClient client, ObjectMapper mapper, SearchConfig config) {
        this.client = client;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Product ids matching a normalised query, in-stock first, then by relevance (name over brand over
     * description); empty when the engine did not answer in time or failed.
     */
    @Timeout(value = 800, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<List<Long>> find(String normalizedQuery, String category, int limit) {
        Request request = new Request("POST", "/" + config.productAlias() + "/_search");
        request.setEntity(
                new NStringEntity(write(query(normalizedQuery, category, limit)), ContentType.APPLICATION_JSON));
        try {
            JsonNode answer = mapper.readTree(perform(request).getEntity().getContent());
            List<Long> ids = new ArrayList<>();
            for (JsonNode hit : answer.path("hits").path("hits")) {
                ids.add(hit.path("_source").path("id").asLong());
            }
            return Optional.of(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The request sent asynchronously and awaited so that the thread reacts to the interrupt of {@link Timeout}
     * (the client's blocking call does not), cancelling the request instead of waiting for the slow engine.
     */
    private Response perform(Request request) throws IOException {
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
        try {
            return answer.get();
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("search interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    Optional<List<Long>> unavailable(String normalizedQuery, String category, int limit) {
        LOG.warn("Search engine unavailable or slow; answering from SQL (degraded)");
        return Optional.empty();
    }

    static Map<String, Object> query(String normalizedQuery, String category, int limit) {
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put(
                "must",
                Map.of(
                        "multi_match",
                        Map.of("query", normalizedQuery, "fields", List.of("name^4", "brand^2", "description"))));
        if (category != null && !category.isBlank()) {
            bool.put("filter", List.of(Map.of("term", Map.of("categories", category))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", limit);
        body.put("_source", List.of("id"));
        body.put("query", Map.of("bool", bool));
        body.put("sort", List.of(Map.of("inStock", "desc"), "_score", Map.of("id", "asc")));
        return body;
    }

    private String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a search request", e);
        }
    }
}
