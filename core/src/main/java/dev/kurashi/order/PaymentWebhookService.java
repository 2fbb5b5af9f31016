package dev.kurashi.order;

import dev.kurashi.order.payment.PaymentEvent;
import dev.kurashi.outbox.Outbox;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies a verified payment notification to its order, exactly once: the event id is recorded in the same
 * transaction as the effect (a redelivered or replayed event finds it and changes nothing), and the status changes
 * are conditional (PENDING_PAYMENT only), so even two different events about one payment act once.
 * A paid order writes {@link OrderPaid}; a failed or expired one is cancelled with its stock returned and
 * {@link OrderCancelled}, both through the outbox.
 */
@ApplicationScoped
public class PaymentWebhookService {

    /** Why {@link OrderCancelled} was written when the provider gave up on the payment. */
    public static final String PAYMENT_FAILED = "PAYMENT_FAILED";

    private static final Logger LOG = Logger.getLogger(PaymentWebhookService.class);

    public enum Outcome {
        PAID,
        CANCELLED,
        /** The event was seen before: nothing done. */
        DUPLICATE,
        /** The event needs nothing (another type, an unknown payment, an order already settled). */
        NO_CHANGE
    }

    private final EntityManager em;
    private final OrderRepository orders;
    private final OrderCancellationService cancellations;
    private final Outbox outbox;

    public PaymentWebhookService(
            EntityManager em, OrderRepository orders, OrderCancellationService cancellations, Outbox outbox) {
        this.em = em;
        this.orders = orders;
        this.cancellations = cancellations;
        this.outbox = outbox;
    }

    @Transactional
    @WithSpan
    public Outcome apply(PaymentEvent event) {
        int recorded = em.createNativeQuery(
                        "INSERT INTO payment_webhook_events (event_id, event_type, payment_id) VALUES (?1, ?2, ?3)"
                                + " ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, event.eventId())
                .setParameter(2, event.providerType())
                .setParameter(3, event.paymentId())
                .executeUpdate();
        if (recorded == 0) {
            return Outcome.DUPLICATE;
        }
        if (event.kind() == PaymentEvent.Kind.IGNORED || event.paymentId() == null) {
            return Outcome.NO_CHANGE;
        }
        Optional<Order> found = orders.findByPaymentId(event.paymentId());
        if (found.isEmpty()) {
            LOG.infof("Payment event %s for unknown payment %s", event.eventId(), event.paymentId());
            return Outcome.NO_CHANGE;
        }
        Order order = found.get();
        if (event.kind() == PaymentEvent.Kind.SUCCEEDED) {
            if (orders.markPaidIfPending(order.id) == 1) {
                outbox.append(new OrderPaid(order.id, order.customerId));
                return Outcome.PAID;
            }
            if (order.status == OrderStatus.CANCELLED) {
                // paid after we gave up on it (the slip's last minutes): the money must go back (runbook)
                LOG.errorf("Payment %s succeeded for cancelled order %s: refund it", event.paymentId(), order.id);
            }
            return Outcome.NO_CHANGE;
        }
        return cancellations.cancelUnpaid(order.id, Instant.now(), PAYMENT_FAILED)
                ? Outcome.CANCELLED
                : Outcome.NO_CHANGE;
    }
}
