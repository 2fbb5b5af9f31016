package dev.kurashi.shop.cart;

import dev.kurashi.cart.CartService;
import dev.kurashi.cart.CartView;
import dev.kurashi.shop.security.CurrentCustomer;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in customer's cart. Every call answers the whole cart, with current prices and shipping. */
@Path("/api/v1/cart")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CartResource {

    /** Body of {@code PUT /cart/items/{sku}}. */
    public record QuantityRequest(@NotNull @Min(1) @Max(99) Integer quantity) {}

    private final CartService carts;
    private final CurrentCustomer customer;

    public CartResource(CartService carts, CurrentCustomer customer) {
        this.carts = carts;
        this.customer = customer;
    }

    @GET
    public CartView get() {
        return carts.view(customer.id());
    }

    /** Sets the quantity of a SKU (adds it when missing). Unknown or unsellable SKU: 404. */
    @PUT
    @Path("/items/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartView put(@PathParam("sku") String sku, @Valid @NotNull QuantityRequest body) {
        return carts.setQuantity(customer.id(), sku, body.quantity());
    }

    /** Removes a SKU; one that is not in the cart leaves it unchanged. Unknown SKU: 404. */
    @DELETE
    @Path("/items/{sku}")
    public CartView delete(@PathParam("sku") String sku) {
        return carts.remove(customer.id(), sku);
    }
}
