package dev.kurashi.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kurashi.reading.ArticleSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

/**
 * Article queries against OpenSearch, guarded like {@link ProductSearchEngine}: a slow or failing engine gives an
 * empty answer and {@link ArticleSearch} falls back to SQL.
 */
@ApplicationScoped
class ArticleSearchEngine {

    private static final Logger LOG = Logger.getLogger(ArticleSearchEngine.class);

    private final SearchIndices indices;
    private final SearchConfig config;

    public ArticleSearchEngine(SearchIndices indices, SearchConfig config) {
        this.indices = indices;
        this.config = config;
    }

    /**
     * Articles published by now that match, by relevance, as the index holds them; empty when the engine did not
     * answer.
     */
    @Timeout(value = 800, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<List<ArticleSummary>> find(List<List<String>> terms, int limit) {
        return Optional.of(indices.search(config.articleAlias(), query(terms, limit)).stream()
                .map(ArticleSearchEngine::hit)
                .toList());
    }

    static ArticleSummary hit(JsonNode source) {
        List<String> tags = new ArrayList<>();
        source.path("tags").forEach(tag -> tags.add(tag.asText()));
        JsonNode hero = source.path("heroImageUrl");
        JsonNode publishAt = source.path("publishAt");
        return new ArticleSummary(
                source.path("slug").asText(),
                source.path("title").asText(),
                source.path("lead").asText(null),
                hero.isTextual() ? hero.asText() : null,
                publishAt.isTextual() ? Instant.parse(publishAt.asText()) : null,
                List.copyOf(tags));
    }

    Optional<List<ArticleSummary>> unavailable(List<List<String>> terms, int limit) {
        LOG.warn("Search engine unavailable or slow; answering articles from SQL (degraded)");
        return Optional.empty();
    }

    /** Title over tags over lead over body; only documents whose publishAt has passed. */
    static Map<String, Object> query(List<List<String>> terms, int limit) {
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put("must", SearchIndices.allTerms(terms, List.of("title^4", "tags^3", "lead^2", "body")));
        bool.put("filter", List.of(Map.of("range", Map.of("publishAt", Map.of("lte", "now")))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", limit);
        body.put("_source", List.of("slug", "title", "lead", "heroImageUrl", "tags", "publishAt"));
        body.put("query", Map.of("bool", bool));
        return body;
    }
}
