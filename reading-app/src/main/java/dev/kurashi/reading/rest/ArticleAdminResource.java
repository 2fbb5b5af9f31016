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
    public Response create(@Valid @NotNull ArticleRequest body) {
        ArticleStaffView created = admin.create(body.toCommand());
        return Response.created(UriBuilder.fromPath("/api/v1/articles/{slug}").build(created.slug()))
                .entity(created)
                .header("Cache-Control", "no-store")
                .build();
    }

    @PUT
    @Path("/{slug}")
    public Response replace(@PathParam("slug") String slug, @Valid @NotNull ArticleRequest body) {
        return Response.ok(admin.replace(slug, body.toCommand()))
                .header("Cache-Control", "no-store")
                .build();
    }
}
