package dev.kurashi.queueworker.order;

import dev.kurashi.order.OrderPaid;
import dev.kurashi.queueworker.messaging.Idempotency;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The payment-received mail of a konbini order paid at the store (the provider's webhook). */
@ApplicationScoped
public class OrderPaidHandler implements MessageHandler<OrderPaid> {

    private static final Logger LOG = Logger.getLogger(OrderPaidHandler.class);

    private final OrderNotices notices;
    private final OrderMails mails;

    OrderPaidHandler(OrderNotices notices, OrderMails mails) {
        this.notices = notices;
        this.mails = mails;
    }

    @Override
    public Class<OrderPaid> eventClass() {
        return OrderPaid.class;
    }

    @Override
    public Idempotency idempotency() {
        return Idempotency.recordedAfter("notifications");
    }

    @Override
    public void handle(OrderPaid event, InboundMessage message) {
        OrderNotices.Addressed to = notices.load(event);
        LOG.infof("Payment mail for order %s", to.order().id());
        notices.mail(message.eventId(), event.customerId(), mails.paid(to.order(), to.salutation()));
    }
}
