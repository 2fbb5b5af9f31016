package dev.kurashi.queueworker.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.customer.CustomerService;
import dev.kurashi.notification.NotificationService;
import dev.kurashi.order.OrderCancelled;
import dev.kurashi.order.OrderService;
import dev.kurashi.order.OrderView;
import dev.kurashi.queueworker.mail.MailText;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
import dev.kurashi.queueworker.messaging.ProcessedMessages;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The cancellation mail (for example a konbini order not paid by its deadline). */
@ApplicationScoped
public class OrderCancelledConsumer implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(OrderCancelledConsumer.class);
    static final String NAME = "notifications:OrderCancelled";

    private final OrderService orders;
    private final CustomerService customers;
    private final NotificationService notifications;
    private final OrderMails mails;
    private final ProcessedMessages processed;
    private final ObjectMapper json;

    OrderCancelledConsumer(
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
        return "OrderCancelled";
    }

    @Override
    public void handle(InboundMessage message) throws Exception {
        if (processed.seen(NAME, message.eventId())) {
            return;
        }
        OrderCancelled event = json.readValue(message.body(), OrderCancelled.class);
        OrderView order = orders.get(event.customerId(), event.orderId().toString());
        String salutation =
                MailText.salutation(customers.contact(event.customerId()).orElse(null));
        OrderMails.Rendered mail = mails.cancellation(order, salutation, event.reason());
        LOG.infof("Cancellation mail for order %s (%s)", order.id(), event.reason());
        notifications.mail(message.eventId(), event.customerId(), mail.subject(), mail.text());
        processed.record(NAME, message.eventId());
    }
}
