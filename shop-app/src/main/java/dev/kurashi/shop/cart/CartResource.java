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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @Operation(operationId = "getCart", summary = "The current customer's cart")
    public CartView get() {
        return carts.view(customer.id());
    }

    /** Sets the quantity of a SKU (adds it when missing). Unknown or unsellable SKU: 404. */
    @PUT
    @Path("/items/{sku}")
    @Operation(operationId = "putCartItem", summary = "Sets the quantity of a SKU in the cart")
    @APIResponse(responseCode = "200", description = "The cart after the change")
    @APIResponse(responseCode = "404", description = "No such SKU for sale")
    @APIResponse(responseCode = "409", description = "Not enough stock")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartView put(@PathParam("sku") String sku, @Valid @NotNull QuantityRequest body) {
        return carts.setQuantity(customer.id(), sku, body.quantity());
    }

    /** Removes a SKU; one that is not in the cart leaves it unchanged. Unknown SKU: 404. */
    @DELETE
    @Path("/items/{sku}")
    @Operation(operationId = "deleteCartItem", summary = "Takes a SKU out of the cart")
    public CartView delete(@PathParam("sku") String sku) {
        return carts.remove(customer.id(), sku);
    }
}
