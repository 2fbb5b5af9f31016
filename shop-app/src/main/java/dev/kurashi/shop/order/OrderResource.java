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
    public Page<OrderView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return orders.list(customer.id(), PageRequest.of(cursor, limit));
    }

    /** One of the customer's orders; anyone else's, or a malformed id, is 404. */
    @GET
    @Path("/{id}")
    public OrderView get(@PathParam("id") String id) {
        return orders.get(customer.id(), id);
    }
}
