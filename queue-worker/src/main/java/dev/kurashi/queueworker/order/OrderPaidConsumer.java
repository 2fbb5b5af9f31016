package dev.kurashi.queueworker.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.customer.CustomerService;
import dev.kurashi.notification.NotificationService;
import dev.kurashi.order.OrderPaid;
import dev.kurashi.order.OrderService;
import dev.kurashi.order.OrderView;
import dev.kurashi.queueworker.mail.MailText;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
import dev.kurashi.queueworker.messaging.ProcessedMessages;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The payment-received mail of a konbini order paid at the store (the provider's webhook). */
@ApplicationScoped
public class OrderPaidConsumer implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(OrderPaidConsumer.class);
    static final String NAME = "notifications:OrderPaid";

    private final OrderService orders;
    private final CustomerService customers;
    private final NotificationService notifications;
    private final OrderMails mails;
    private final ProcessedMessages processed;
    private final ObjectMapper json;

    OrderPaidConsumer(
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
        return "OrderPaid";
    }

    @Override
    public void handle(InboundMessage message) throws Exception {
        if (processed.seen(NAME, message.eventId())) {
            return;
        }
        OrderPaid event = json.readValue(message.body(), OrderPaid.class);
        OrderView order = orders.get(event.customerId(), event.orderId().toString());
        String salutation =
                MailText.salutation(customers.contact(event.customerId()).orElse(null));
        OrderMails.Rendered mail = mails.paid(order, salutation);
        LOG.infof("Payment mail for order %s", order.id());
        notifications.mail(message.eventId(), event.customerId(), mail.subject(), mail.text());
        processed.record(NAME, message.eventId());
    }
}
