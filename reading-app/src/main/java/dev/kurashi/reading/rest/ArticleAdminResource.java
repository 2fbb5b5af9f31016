package dev.kurashi.reading.rest;

import dev.kurashi.reading.ArticleAdminService;
import dev.kurashi.reading.ArticleStaffView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Staff writes of articles: create, schedule (a future {@code publishAt}), publish, replace. Answers are the
 * article as saved, whatever its status; never cached.
 */
@Path("/api/v1/admin/articles")
@RolesAllowed("staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArticleAdminResource {

    private final ArticleAdminService admin;

    public ArticleAdminResource(ArticleAdminService admin) {
        this.admin = admin;
    }

    /** 201; Location is the public article URL (404 there until it is published). */
    @POST
    @Operation(operationId = "createArticle", summary = "Creates an article (published at publishAt)")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the public article URL",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/v1/articles/{slug}",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ArticleStaffView.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(@Valid @NotNull ArticleRequest body) {
        ArticleStaffView created = admin.create(body.toCommand());
        return Response.created(UriBuilder.fromPath("/api/v1/articles/{slug}").build(created.slug()))
                .entity(created)
                .header("Cache-Control", "no-store")
                .build();
    }

    @PUT
    @Path("/{slug}")
    @Operation(operationId = "replaceArticle", summary = "Replaces an article")
    @APIResponse(
            responseCode = "200",
            description = "The article as it is now",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ArticleStaffView.class)))
    @APIResponse(responseCode = "404", description = "No such article")
    public Response replace(@PathParam("slug") String slug, @Valid @NotNull ArticleRequest body) {
        return Response.ok(admin.replace(slug, body.toCommand()))
                .header("Cache-Control", "no-store")
                .build();
    }
}
