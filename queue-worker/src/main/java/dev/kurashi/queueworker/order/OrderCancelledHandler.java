package dev.kurashi.queueworker.order;

import dev.kurashi.order.OrderCancelled;
import dev.kurashi.queueworker.messaging.Idempotency;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The cancellation mail (for example a konbini order not paid by its deadline). */
@ApplicationScoped
public class OrderCancelledHandler implements MessageHandler<OrderCancelled> {

    private static final Logger LOG = Logger.getLogger(OrderCancelledHandler.class);

    private final OrderNotices notices;
    private final OrderMails mails;

    OrderCancelledHandler(OrderNotices notices, OrderMails mails) {
        this.notices = notices;
        this.mails = mails;
    }

    @Override
    public Class<OrderCancelled> eventClass() {
        return OrderCancelled.class;
    }

    @Override
    public Idempotency idempotency() {
        return Idempotency.recordedAfter("notifications");
    }

    @Override
    public void handle(OrderCancelled event, InboundMessage message) {
        OrderNotices.Addressed to = notices.load(event);
        LOG.infof("Cancellation mail for order %s (%s)", to.order().id(), event.reason());
        notices.mail(
                message.eventId(), event.customerId(), mails.cancellation(to.order(), to.salutation(), event.reason()));
    }
}
