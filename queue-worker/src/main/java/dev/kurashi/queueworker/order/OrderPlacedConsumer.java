package dev.kurashi.queueworker.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.customer.CustomerService;
import dev.kurashi.notification.NotificationService;
import dev.kurashi.notification.PushMessage;
import dev.kurashi.order.OrderPlaced;
import dev.kurashi.order.OrderService;
import dev.kurashi.order.OrderView;
import dev.kurashi.queueworker.mail.MailText;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
import dev.kurashi.queueworker.messaging.ProcessedMessages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Order confirmation: a mail (Japanese, with lines, totals and the tax breakdown per rate) and a push to each of
 * the customer's phones. Each send is recorded before it goes out, so a redelivery repeats only what did not.
 */
@ApplicationScoped
public class OrderPlacedConsumer implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(OrderPlacedConsumer.class);
    static final String NAME = "notifications:OrderPlaced";

    private final OrderService orders;
    private final CustomerService customers;
    private final NotificationService notifications;
    private final OrderMails mails;
    private final ProcessedMessages processed;
    private final ObjectMapper json;

    OrderPlacedConsumer(
            OrderService orders,
            CustomerService customers,
            NotificationService notifications,
            OrderMails mails,
            ProcessedMessages processed,
            ObjectMapper json) {
        this.orders = orders;
        this.customers = customers;
        this.notifications = notifications;
        this.mails = mails;
        this.processed = processed;
        this.json = json;
    }

    @Override
    public String eventType() {
        return "OrderPlaced";
    }

    @Override
    public void handle(InboundMessage message) throws Exception {
        if (processed.seen(NAME, message.eventId())) {
            return;
        }
        OrderPlaced event = json.readValue(message.body(), OrderPlaced.class);
        OrderView order = orders.get(event.customerId(), event.orderId().toString());
        String salutation =
                MailText.salutation(customers.contact(event.customerId()).orElse(null));
        OrderMails.Rendered mail = mails.confirmation(order, salutation);
        LOG.infof("Order confirmation for order %s (%s)", order.id(), MailText.yen(order.totalJpy()));
        notifications.mail(message.eventId(), event.customerId(), mail.subject(), mail.text());
        notifications.push(
                message.eventId(),
                event.customerId(),
                new PushMessage(
                        "ご注文ありがとうございます",
                        "ご注文（" + MailText.yen(order.totalJpy()) + "）を承りました。",
                        Map.of("type", "order", "orderId", order.id())));
        processed.record(NAME, message.eventId());
    }
}
