package dev.kurashi.shop.order;

import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import dev.kurashi.order.CheckoutResult;
import dev.kurashi.order.OrderService;
import dev.kurashi.order.OrderView;
import dev.kurashi.order.PlaceOrderCommand;
import dev.kurashi.shop.http.PublicUrls;
import dev.kurashi.shop.security.CurrentCustomer;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Checkout and the signed-in customer's orders. */
@Path("/api/v1/orders")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set on an answer replayed for a repeated {@code Idempotency-Key}. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final OrderService orders;
    private final CurrentCustomer customer;
    private final PublicUrls urls;

    public OrderResource(OrderService orders, CurrentCustomer customer, PublicUrls urls) {
        this.orders = orders;
        this.customer = customer;
        this.urls = urls;
    }

    /**
     * Places an order for the current cart: 201 with the order; the same key and body again replays the
     * first answer exactly; 400 bad body or key, 402 declined card, 409 no stock ({@code unavailable}), an
     * empty cart or the same key still in flight, 422 the same key with another body.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "placeOrder", summary = "Places an order for the cart, once per Idempotency-Key")
    @APIResponse(
            responseCode = "201",
            description = "Placed; a repeated key and body replays this answer with Idempotent-Replayed: true",
            headers = {
                @Header(
                        name = "Location",
                        description = "/api/v1/orders/{id}",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = IDEMPOTENT_REPLAYED,
                        description = "true on a replayed answer",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "402", description = "The card was declined")
    @APIResponse(
            responseCode = "409",
            description = "Not enough stock (unavailable), an empty cart, or the same key in flight")
    @APIResponse(responseCode = "422", description = "The same Idempotency-Key with another body")
    public Response place(
            @HeaderParam(IDEMPOTENCY_KEY) @NotNull @Size(min = 1, max = 255) String idempotencyKey,
            @Valid @NotNull PlaceOrderCommand body) {
        CheckoutResult result = orders.placeOrder(customer.id(), idempotencyKey, body);
        Response.ResponseBuilder response = Response.status(result.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(result.body())
                .location(urls.absolute("/api/v1/orders/" + result.orderId()));
        if (result.replayed()) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.build();
    }

    /** The customer's orders, newest first. */
    @GET
    @Operation(operationId = "listOrders", summary = "The customer's orders, newest first")
    public Page<OrderView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return orders.list(customer.id(), PageRequest.of(cursor, limit));
    }

    /** One of the customer's orders; anyone else's, or a malformed id, is 404. */
    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrder", summary = "One of the customer's orders")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "No such order of this customer")
    public OrderView get(@PathParam("id") String id) {
        return orders.get(customer.id(), id);
    }
}
