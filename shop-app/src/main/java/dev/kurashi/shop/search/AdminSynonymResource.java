package dev.kurashi.shop.search;

import dev.kurashi.search.SynonymService;
import dev.kurashi.search.SynonymService.Group;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The search synonym dictionary for staff (ADR 1301): the groups shipped in the repository and those staff added.
 * A group added here applies to searches at once on this node and within 30 s on every other, with no deploy and
 * no reindex (queries are expanded in the app).
 */
@Path("/api/v1/admin/search/synonyms")
@RolesAllowed("staff")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSynonymResource {

    /** A new group: two or more words that find each other ("kettle", "ケトル", "やかん"). */
    public record SynonymRequest(@NotNull List<String> terms) {}

    private final SynonymService synonyms;
    private final SecurityIdentity identity;

    public AdminSynonymResource(SynonymService synonyms, SecurityIdentity identity) {
        this.synonyms = synonyms;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listSynonyms", summary = "Every synonym group: the repository's, then staff's")
    public List<Group> list() {
        return synonyms.groups();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addSynonyms", summary = "Adds a synonym group")
    @APIResponse(
            responseCode = "201",
            description = "Added; Location is the group",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Group.class)))
    public Response add(@NotNull SynonymRequest body) {
        Group group = synonyms.add(body.terms(), identity.getPrincipal().getName());
        return Response.created(UriBuilder.fromPath("/api/v1/admin/search/synonyms/{id}")
                        .build(group.id()))
                .entity(group)
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSynonyms", summary = "Deletes a group staff added")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such staff group (the repository's are changed in git)")
    public void delete(@PathParam("id") long id) {
        synonyms.delete(id);
    }
}
