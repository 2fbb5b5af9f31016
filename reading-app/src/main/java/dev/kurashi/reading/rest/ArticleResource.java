package dev.kurashi.reading.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.common.PageRequest;
import dev.kurashi.common.QueryParams;
import dev.kurashi.reading.ArticleService;
import dev.kurashi.reading.http.CachedResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Published articles (anonymous), cacheable by CloudFront with a strong ETag (see {@link CachedResponses}).
 * The body is serialised here with the app's ObjectMapper so that the ETag is the hash of what is sent.
 */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private final ArticleService articles;
    private final ObjectMapper json;

    public ArticleResource(ArticleService articles, ObjectMapper json) {
        this.articles = articles;
        this.json = json;
    }

    /** {@code { items: [{ slug, title, lead, heroImageUrl, publishedAt, tags }], nextCursor }}, newest first. */
    @GET
    @Operation(operationId = "listArticles", summary = "Published articles, newest first, by cursor")
    @APIResponse(
            responseCode = "200",
            description = "{ items: [{ slug, title, lead, heroImageUrl, publishedAt, tags }], nextCursor }",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    public Response list(
            @QueryParam("tag") String tag,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit,
            @Context Request request) {
        Integer size = QueryParams.integer("limit", limit, 1, PageRequest.MAX_LIMIT);
        var page = articles.list(tag, PageRequest.of(cursor, size));
        return CachedResponses.ok(request, write(page), MediaType.APPLICATION_JSON, articles.nextScheduledPublish());
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getArticle", summary = "One published article")
    @APIResponse(
            responseCode = "200",
            description = "The article",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "404", description = "No such published article")
    public Response article(@PathParam("slug") String slug, @Context Request request) {
        var article = ArticleResponse.of(articles.published(slug));
        return CachedResponses.ok(request, write(article), MediaType.APPLICATION_JSON, Optional.empty());
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise an article answer", e);
        }
    }
}
