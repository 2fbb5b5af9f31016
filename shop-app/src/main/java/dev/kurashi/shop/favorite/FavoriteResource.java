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
    public Page<ProductSummary> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return favorites.list(customer.id(), PageRequest.of(cursor, limit));
    }

    @PUT
    @Path("/{productSlug}")
    public void add(@PathParam("productSlug") String productSlug) {
        favorites.add(customer.id(), productSlug);
    }

    @DELETE
    @Path("/{productSlug}")
    public void remove(@PathParam("productSlug") String productSlug) {
        favorites.remove(customer.id(), productSlug);
    }
}
