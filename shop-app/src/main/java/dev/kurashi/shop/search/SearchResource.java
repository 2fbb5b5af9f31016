package dev.kurashi.shop.search;

import dev.kurashi.cache.ReadCaches;
import dev.kurashi.cache.StaleIfErrorCache;
import dev.kurashi.common.QueryParams;
import dev.kurashi.search.SearchService;
import dev.kurashi.search.SearchType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Product and article search, anonymous. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final int DEFAULT_LIMIT = 20;

    private final SearchService search;
    /**
     * Answers of the same query in a campaign's crowd: kept like any catalog read (ADR 1001), so a repeated
     * query costs neither the engine's round trips nor the hits' reads. A degraded answer is not kept.
     */
    private final StaleIfErrorCache<Query, SearchResponse> answers;

    public SearchResource(SearchService search, ReadCaches caches) {
        this.search = search;
        this.answers = caches.create("search-answers");
    }

    private record Query(String q, SearchType type, int limit, String category) {}

    @GET
    @Operation(
            operationId = "search",
            summary = "Products and articles matching a query (kana, width and synonyms folded)")
    public SearchResponse search(
            @QueryParam("q") String q,
            @QueryParam("type") String type,
            @QueryParam("limit") String limit,
            @QueryParam("category") String category) {
        if (q == null || q.isBlank() || q.length() > SearchService.QUERY_MAX) {
            throw QueryParams.invalid("q", "is required, 1 to " + SearchService.QUERY_MAX + " characters");
        }
        SearchType searchType;
        try {
            searchType = SearchType.parse(type);
        } catch (RuntimeException e) {
            throw QueryParams.invalid("type", "must be product, article or all");
        }
        if (category != null && category.length() > 80) {
            throw QueryParams.invalid("category", "is at most 80 characters");
        }
        Integer size = QueryParams.integer("limit", limit, 1, SearchService.LIMIT_MAX);
        Query query = new Query(q, searchType, size == null ? DEFAULT_LIMIT : size, category);
        return answers.get(
                query,
                () -> {
                    var result = search.search(q, searchType, query.limit(), category);
                    return new SearchResponse(result.products(), result.articles(), result.degraded());
                },
                answer -> !answer.degraded());
    }
}
