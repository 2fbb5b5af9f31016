package dev.kurashi.queueworker.restock;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.ProductDetail;
import dev.kurashi.customer.CustomerService;
import dev.kurashi.customer.FavoriteService;
import dev.kurashi.inventory.StockReplenished;
import dev.kurashi.notification.NotificationService;
import dev.kurashi.notification.PushMessage;
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
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * 再入荷のお知らせ: a mail and a push to every customer who favorited the product, once per restock. The
 * customers are fixed in {@code restock_notifications} (one row per restock and customer) the first time any
 * event of the restock is handled; each send is recorded, so redeliveries finish what is missing and nothing else.
 */
@ApplicationScoped
public class StockReplenishedHandler implements MessageHandler<StockReplenished> {

    private static final Logger LOG = Logger.getLogger(StockReplenishedHandler.class);

    @TemplateData
    public record Restock(String salutation, String productName, String productUrl) {}

    private final FavoriteService favorites;
    private final CatalogService catalog;
    private final CustomerService customers;
    private final NotificationService notifications;
    private final StorefrontConfig config;
    private final Template template;

    StockReplenishedHandler(
            FavoriteService favorites,
            CatalogService catalog,
            CustomerService customers,
            NotificationService notifications,
            StorefrontConfig config,
            @Location("mail/restock.txt") Template template) {
        this.favorites = favorites;
        this.catalog = catalog;
        this.customers = customers;
        this.notifications = notifications;
        this.config = config;
        this.template = template;
    }

    @Override
    public Class<StockReplenished> eventClass() {
        return StockReplenished.class;
    }

    @Override
    public Idempotency idempotency() {
        return Idempotency.recordedAfter("notifications");
    }

    @Override
    public void handle(StockReplenished event, InboundMessage message) {
        List<Long> recipients = notifications.restockRecipients(
                event.restockId(), message.eventId(), favorites.customerIdsFavoriting(event.productSlug()));
        if (!recipients.isEmpty()) {
            notify(message, event, recipients);
        }
    }

    private void notify(InboundMessage message, StockReplenished event, List<Long> recipients) {
        ProductDetail product = catalog.product(event.productSlug());
        String url = config.url() + "/products/" + product.slug();
        LOG.infof("Restock %d of %s: telling %d customers", event.restockId(), product.slug(), recipients.size());
        RuntimeException failure = null;
        for (long customerId : recipients) {
            try {
                String salutation =
                        MailText.salutation(customers.contact(customerId).orElse(null));
                String text = template.data("m", new Restock(salutation, product.name(), url))
                        .render();
                notifications.mail(message.eventId(), customerId, "【Kurashi】再入荷のお知らせ：" + product.name(), text);
                notifications.push(
                        message.eventId(),
                        customerId,
                        new PushMessage(
                                "再入荷のお知らせ",
                                product.name() + "が再入荷しました。",
                                Map.of("type", "restock", "productSlug", product.slug())));
            } catch (RuntimeException e) {
                // the others still get theirs; the retry repeats only what is missing
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
