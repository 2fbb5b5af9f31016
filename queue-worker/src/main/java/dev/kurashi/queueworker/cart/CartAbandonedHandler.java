package dev.kurashi.queueworker.cart;

import dev.kurashi.cart.CartAbandoned;
import dev.kurashi.cart.CartService;
import dev.kurashi.cart.CartView;
import dev.kurashi.customer.CustomerService;
import dev.kurashi.notification.NotificationService;
import dev.kurashi.queueworker.mail.MailText;
import dev.kurashi.queueworker.mail.StorefrontConfig;
import dev.kurashi.queueworker.messaging.Idempotency;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
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
public class CartAbandonedHandler implements MessageHandler<CartAbandoned> {

    private static final Logger LOG = Logger.getLogger(CartAbandonedHandler.class);

    @TemplateData
    public record Line(String name, String unitPrice, int quantity, String lineTotal) {}

    @TemplateData
    public record Reminder(String salutation, List<Line> lines, String total, String cartUrl) {}

    private final CartService carts;
    private final CustomerService customers;
    private final NotificationService notifications;
    private final StorefrontConfig storefront;
    private final Template template;

    CartAbandonedHandler(
            CartService carts,
            CustomerService customers,
            NotificationService notifications,
            StorefrontConfig storefront,
            @Location("mail/cart-reminder.txt") Template template) {
        this.carts = carts;
        this.customers = customers;
        this.notifications = notifications;
        this.storefront = storefront;
        this.template = template;
    }

    @Override
    public Class<CartAbandoned> eventClass() {
        return CartAbandoned.class;
    }

    @Override
    public Idempotency idempotency() {
        return Idempotency.recordedAfter("notifications");
    }

    @Override
    public void handle(CartAbandoned event, InboundMessage message) {
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
    }
}
