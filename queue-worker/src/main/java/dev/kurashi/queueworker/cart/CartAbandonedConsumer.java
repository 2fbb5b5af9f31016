package dev.kurashi.queueworker.cart;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.cart.CartAbandoned;
import dev.kurashi.cart.CartService;
import dev.kurashi.cart.CartView;
import dev.kurashi.customer.CustomerService;
import dev.kurashi.notification.NotificationService;
import dev.kurashi.queueworker.mail.MailText;
import dev.kurashi.queueworker.mail.StorefrontConfig;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
import dev.kurashi.queueworker.messaging.ProcessedMessages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The abandoned-cart reminder mail, once per {@code CartAbandoned} event (the batch job writes one per cart
 * change). A cart emptied since the event gets nothing.
 */
@ApplicationScoped
public class CartAbandonedConsumer implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(CartAbandonedConsumer.class);
    static final String NAME = "notifications:CartAbandoned";

    @TemplateData
    public record Line(String name, String unitPrice, int quantity, String lineTotal) {}

    @TemplateData
    public record Reminder(String salutation, List<Line> lines, String total, String cartUrl) {}

    private final CartService carts;
    private final CustomerService customers;
    private final NotificationService notifications;
    private final ProcessedMessages processed;
    private final StorefrontConfig storefront;
    private final Template template;
    private final ObjectMapper json;

    CartAbandonedConsumer(
            CartService carts,
            CustomerService customers,
            NotificationService notifications,
            ProcessedMessages processed,
            StorefrontConfig storefront,
            @Location("mail/cart-reminder.txt") Template template,
            ObjectMapper json) {
        this.carts = carts;
        this.customers = customers;
        this.notifications = notifications;
        this.processed = processed;
        this.storefront = storefront;
        this.template = template;
        this.json = json;
    }

    @Override
    public String eventType() {
        return "CartAbandoned";
    }

    @Override
    public void handle(InboundMessage message) throws Exception {
        if (processed.seen(NAME, message.eventId())) {
            return;
        }
        CartAbandoned event = json.readValue(message.body(), CartAbandoned.class);
        CartView cart = carts.view(event.customerId());
        if (!cart.lines().isEmpty()) {
            String text = template.data(
                            "m",
                            new Reminder(
                                    MailText.salutation(customers
                                            .contact(event.customerId())
                                            .orElse(null)),
                                    cart.lines().stream()
                                            .map(l -> new Line(
                                                    l.name(),
                                                    MailText.yen(l.unitPriceJpy()),
                                                    l.quantity(),
                                                    MailText.yen(l.lineTotalJpy())))
                                            .toList(),
                                    MailText.yen(cart.totalJpy()),
                                    storefront.url() + "/cart"))
                    .render();
            LOG.infof(
                    "Cart reminder for customer %d (%d lines)",
                    event.customerId(), cart.lines().size());
            notifications.mail(message.eventId(), event.customerId(), "【Kurashi】カートに商品が残っています", text);
        }
        processed.record(NAME, message.eventId());
    }
}
