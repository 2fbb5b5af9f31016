package dev.kurashi.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.common.DomainException;
import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import dev.kurashi.common.TimeKey;
import dev.kurashi.order.internal.IdempotencyService;
import dev.kurashi.order.internal.OrderPlacement;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Checkout and a customer's orders. */
@ApplicationScoped
public class OrderService {

    /** Part of the idempotency hash, so that a key can never replay the answer of another operation. */
    static final String OPERATION = "POST /api/v1/orders";

    private final OrderMetrics metrics;
    private final IdempotencyService idempotency;
    private final OrderPlacement placement;
    private final OrderRepository orders;
    private final ObjectMapper json;

    public OrderService(
            IdempotencyService idempotency,
            OrderPlacement placement,
            OrderRepository orders,
            ObjectMapper json,
            OrderMetrics metrics) {
        this.metrics = metrics;
        this.idempotency = idempotency;
        this.placement = placement;
        this.orders = orders;
        this.json = json;
    }

    /**
     * Places an order for the customer's cart under an {@code Idempotency-Key} (1–255 characters, scoped
     * to the customer). The key is claimed in its own transaction first; the order then commits together
     * with the answer to replay. Same key and same request again: the stored answer, byte for byte. Same
     * key, other request: {@code UNPROCESSABLE}. First request still running: {@code CONFLICT}. A refused
     * attempt (empty cart, no stock, declined card) places nothing and releases the key, so the client may
     * retry the same key once the cause is fixed; only a placed order is ever replayed.
     *
     * <p>Runs outside any transaction: the claim must be visible to other requests before the work starts.
     */
    @Transactional(Transactional.TxType.NEVER)
    @WithSpan
    public CheckoutResult placeOrder(long customerId, String idemKey, @NotNull @Valid PlaceOrderCommand command) {
        if (idemKey == null || idemKey.isEmpty() || idemKey.length() > IdempotencyKey.MAX_LENGTH) {
            throw DomainException.invalid("Idempotency-Key header must be 1 to 255 characters");
        }
        if (command.paymentMethod() == PaymentMethod.CARD && command.payment().cardToken() == null) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "Invalid request",
                    "payment.cardToken is required for card payments",
                    Map.of("errors", List.of(Map.of("field", "payment.cardToken", "message", "must not be blank"))));
        }
        IdempotencyService.Claim claim = idempotency.claim(customerId, idemKey, requestHash(command));
        if (!claim.claimed()) {
            return new CheckoutResult(claim.replayStatus(), idOf(claim.replayBody()), claim.replayBody(), true);
        }
        try {
            AtomicReference<String> body = new AtomicReference<>();
            Order order = placement.place(customerId, idemKey, command, placed -> {
                body.set(serialise(OrderView.of(placed)));
                return body.get();
            });
            metrics.placed(order.paymentMethod, order.totalJpy);
            return new CheckoutResult(201, order.id, body.get(), false);
        } catch (RuntimeException e) {
            metrics.notPlaced(command.paymentMethod(), e);
            try {
                idempotency.release(customerId, idemKey);
            } catch (RuntimeException releaseFailure) {
                // the claim goes stale and is taken over later
                e.addSuppressed(releaseFailure);
            }
            throw e;
        }
    }

    /** One of the customer's orders; another customer's, or a malformed id, is not found. */
    @Transactional
    @WithSpan
    public OrderView get(long customerId, String id) {
        UUID uuid = parseId(id);
        Order order = uuid == null
                ? null
                : orders.findByIdAndCustomer(uuid, customerId).orElse(null);
        if (order == null) {
            throw DomainException.notFound("Order", id);
        }
        return OrderView.of(order);
    }

    /**
     * The customer's orders, newest first, keyset-paged on (placedAt, id): three queries whatever the page
     * size (orders, their lines, their tax lines).
     */
    @Transactional
    @WithSpan
    public Page<OrderView> list(long customerId, PageRequest page) {
        TimeKey<UUID> before = TimeKey.parse(page.afterKey(), OrderService::strictId);
        Instant beforePlacedAt = before == null ? null : before.at();
        UUID beforeId = before == null ? null : before.id();
        List<Order> rows = orders.listByCustomer(customerId, beforePlacedAt, beforeId, page.limit() + 1);
        if (!rows.isEmpty()) {
            orders.fetchLinesAndTaxLines(rows);
        }
        return page.page(rows, o -> TimeKey.of(o.placedAt, o.id)).map(OrderView::of);
    }

    /** SHA-256 over the operation and the canonical request, hex. */
    static String requestHash(PlaceOrderCommand command) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((OPERATION + "\n" + command.canonicalForm()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String serialise(OrderView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise order " + view.id(), e);
        }
    }

    private UUID idOf(String body) {
        try {
            return UUID.fromString(json.readTree(body).path("id").asText());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("Stored checkout answer has no order id", e);
        }
    }

    private static UUID parseId(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A cursor's order id: only the 36-character form ({@link UUID#fromString} also takes shorter ones). */
    private static UUID strictId(String id) {
        if (id.length() != 36) {
            throw new IllegalArgumentException(id);
        }
        return UUID.fromString(id);
    }
}
