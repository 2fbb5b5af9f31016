package dev.kurashi.shop.favorite;

import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import dev.kurashi.customer.FavoriteService;
import dev.kurashi.shop.security.CurrentCustomer;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The signed-in customer's favorite products. {@code PUT} and {@code DELETE} are idempotent and answer 204;
 * an unknown product is 404.
 */
@Path("/api/v1/favorites")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FavoriteResource {

    private final FavoriteService favorites;
    private final CurrentCustomer customer;

    public FavoriteResource(FavoriteService favorites, CurrentCustomer customer) {
        this.favorites = favorites;
        this.customer = customer;
    }

    /** Product list items, most recently added first. */
    @GET
    @Operation(operationId = "listFavorites", summary = "The customer's favourite products")
    public Page<ProductSummary> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return favorites.list(customer.id(), PageRequest.of(cursor, limit));
    }

    @PUT
    @Path("/{productSlug}")
    @Operation(operationId = "addFavorite", summary = "Adds a product to the favourites")
    @APIResponse(responseCode = "204", description = "Added (also when it was there)")
    @APIResponse(responseCode = "404", description = "No such product")
    public void add(@PathParam("productSlug") String productSlug) {
        favorites.add(customer.id(), productSlug);
    }

    @DELETE
    @Path("/{productSlug}")
    @Operation(operationId = "removeFavorite", summary = "Takes a product out of the favourites")
    @APIResponse(responseCode = "204", description = "Removed (also when it was not there)")
    public void remove(@PathParam("productSlug") String productSlug) {
        favorites.remove(customer.id(), productSlug);
    }
}
