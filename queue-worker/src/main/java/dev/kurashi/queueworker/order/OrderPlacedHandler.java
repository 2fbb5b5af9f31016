package dev.kurashi.queueworker.order;

import dev.kurashi.notification.PushMessage;
import dev.kurashi.order.OrderPlaced;
import dev.kurashi.order.OrderView;
import dev.kurashi.queueworker.mail.MailText;
import dev.kurashi.queueworker.messaging.Idempotency;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Order confirmation: a mail (Japanese, with lines, totals and the tax breakdown per rate) and a push to each of
 * the customer's phones. Each send is recorded before it goes out, so a redelivery repeats only what did not.
 */
@ApplicationScoped
public class OrderPlacedHandler implements MessageHandler<OrderPlaced> {

    private static final Logger LOG = Logger.getLogger(OrderPlacedHandler.class);

    private final OrderNotices notices;
    private final OrderMails mails;

    OrderPlacedHandler(OrderNotices notices, OrderMails mails) {
        this.notices = notices;
        this.mails = mails;
    }

    @Override
    public Class<OrderPlaced> eventClass() {
        return OrderPlaced.class;
    }

    @Override
    public Idempotency idempotency() {
        return Idempotency.recordedAfter("notifications");
    }

    @Override
    public void handle(OrderPlaced event, InboundMessage message) {
        OrderNotices.Addressed to = notices.load(event);
        OrderView order = to.order();
        LOG.infof("Order confirmation for order %s (%s)", order.id(), MailText.yen(order.totalJpy()));
        notices.mail(message.eventId(), event.customerId(), mails.confirmation(order, to.salutation()));
        notices.push(
                message.eventId(),
                event.customerId(),
                new PushMessage(
                        "ご注文ありがとうございます",
                        "ご注文（" + MailText.yen(order.totalJpy()) + "）を承りました。",
                        Map.of("type", "order", "orderId", order.id())));
    }
}
