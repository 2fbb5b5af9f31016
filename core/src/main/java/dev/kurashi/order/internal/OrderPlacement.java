package dev.kurashi.order.internal;

import dev.kurashi.cart.CartContents;
import dev.kurashi.cart.CartService;
import dev.kurashi.common.DomainException;
import dev.kurashi.customer.CustomerService;
import dev.kurashi.inventory.StockReservation;
import dev.kurashi.order.IdempotencyKeyRepository;
import dev.kurashi.order.Order;
import dev.kurashi.order.OrderPlaced;
import dev.kurashi.order.OrderRepository;
import dev.kurashi.order.PaymentMethod;
import dev.kurashi.order.PlaceOrderCommand;
import dev.kurashi.order.payment.PaymentGateway;
import dev.kurashi.order.payment.PaymentRequest;
import dev.kurashi.order.payment.PaymentResult;
import dev.kurashi.outbox.Outbox;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Places an order for the current cart in ONE transaction: the order, its lines and tax lines, the empty
 * cart, the {@code OrderPlaced} outbox row, the completed idempotency key and the stock taken commit
 * together or not at all.
 *
 * <p>Order of work, chosen so that stock rows are locked for as short a time as possible and no payment
 * outlives a rolled-back order: (1) read the cart; (2) a non-locking stock check, so an order that cannot
 * be served fails before payment; (3) authorize the payment — a declined card ends here with nothing
 * changed; the authorization is voided by a synchronization if the transaction does not commit; (4) write
 * the order and everything else; (5) take the stock by conditional UPDATE in ascending SKU id order, the
 * last statements before commit. The provider is called inside the transaction, holding a connection but
 * no row lock: the local adapter answers instantly, Stripe within its timeout (ADR 1201 weighs moving (3)
 * before the transaction). Before (2) the abuse limits ({@link OrderLimits}) are checked. A card authorization
 * is captured after the commit.
 */
@ApplicationScoped
public class OrderPlacement {

    private static final Logger LOG = Logger.getLogger(OrderPlacement.class);

    private final CartService cart;
    private final StockReservation stock;
    private final PaymentGateway payments;
    private final OrderRepository orders;
    private final IdempotencyKeyRepository keys;
    private final Outbox outbox;
    private final TransactionSynchronizationRegistry transactions;
    private final OrderLimits limits;
    private final CustomerService customers;

    public OrderPlacement(
            CartService cart,
            StockReservation stock,
            PaymentGateway payments,
            OrderRepository orders,
            IdempotencyKeyRepository keys,
            Outbox outbox,
            TransactionSynchronizationRegistry transactions,
            OrderLimits limits,
            CustomerService customers) {
        this.cart = cart;
        this.stock = stock;
        this.payments = payments;
        this.orders = orders;
        this.keys = keys;
        this.outbox = outbox;
        this.transactions = transactions;
        this.limits = limits;
        this.customers = customers;
    }

    /**
     * Places the order; {@code answer} turns the placed order into the serialised 201 body that is stored
     * for replay in the same transaction.
     */
    @Transactional
    @WithSpan
    public Order place(long customerId, String idemKey, PlaceOrderCommand command, Function<Order, String> answer) {
        CartContents contents = cart.contents(customerId);
        if (contents.isEmpty()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "Cart is empty", "There is nothing to order");
        }
        List<StockReservation.Item> items = OrderDraft.stockItems(contents);
        limits.check(customerId, command.paymentMethod(), contents);
        stock.requireAvailable(items);

        PaymentResult payment = authorize(customerId, idemKey, command, contents.totalJpy());

        Order order = OrderDraft.build(customerId, command, contents, payment);
        orders.persist(order);
        orders.flush();
        cart.clear(customerId);
        outbox.append(new OrderPlaced(order.id, customerId));
        if (keys.complete(customerId, idemKey, 201, answer.apply(order)) != 1) {
            // another node took the key over as stale: let that one win
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "Request in progress",
                    "A request with this Idempotency-Key is being processed; retry later");
        }
        stock.takeAll(items);
        return order;
    }

    private PaymentResult authorize(long customerId, String idemKey, PlaceOrderCommand command, long totalJpy) {
        PaymentMethod method = command.paymentMethod();
        String email = method == PaymentMethod.KONBINI
                ? customers
                        .contact(customerId)
                        .map(CustomerService.Contact::email)
                        .orElse(null)
                : null;
        PaymentResult result = payments.authorize(new PaymentRequest(
                customerId + ":" + idemKey,
                totalJpy,
                method,
                command.payment().cardToken(),
                command.shippingAddress().name().strip(),
                email));
        if (result.outcome() == PaymentResult.Outcome.DECLINED) {
            throw new DomainException(
                    DomainException.Kind.PAYMENT_DECLINED,
                    "Payment declined",
                    "The card was declined",
                    Map.of("reason", result.declineReason()));
        }
        String paymentId = result.paymentId();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    voidPayment(paymentId);
                } else if (result.outcome() == PaymentResult.Outcome.APPROVED) {
                    capturePayment(paymentId);
                }
            }
        });
        return result;
    }

    private void capturePayment(String paymentId) {
        try {
            payments.capture(paymentId);
        } catch (RuntimeException e) {
            // the order stands; an authorization holds for days and the runbook captures it by hand
            LOG.errorf(e, "Could not capture payment %s of a placed order", paymentId);
        }
    }

    private void voidPayment(String paymentId) {
        try {
            payments.cancel(paymentId);
        } catch (RuntimeException e) {
            // the provider expires an uncaptured authorization on its own; reconciliation reports it
            LOG.errorf(e, "Could not void payment %s of an order that was not placed", paymentId);
        }
    }
}
