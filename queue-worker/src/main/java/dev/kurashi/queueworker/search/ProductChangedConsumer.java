package dev.kurashi.queueworker.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.catalog.ProductChanged;
import dev.kurashi.outbox.ProcessedMessageRepository;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
import dev.kurashi.search.ProductIndexService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Re-indexes a product from the database. The processed-message row and the indexing share one transaction: if
 * indexing fails the row rolls back and the message is retried; if the commit fails after indexing, the retry
 * indexes the same current state again, which changes nothing.
 */
@ApplicationScoped
public class ProductChangedConsumer implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(ProductChangedConsumer.class);
    static final String NAME = "search-index:ProductChanged";

    private final ProductIndexService index;
    private final ProcessedMessageRepository processed;
    private final ObjectMapper json;

    ProductChangedConsumer(ProductIndexService index, ProcessedMessageRepository processed, ObjectMapper json) {
        this.index = index;
        this.processed = processed;
        this.json = json;
    }

    @Override
    public String eventType() {
        return "ProductChanged";
    }

    @Override
    public void handle(InboundMessage message) throws Exception {
        ProductChanged event = json.readValue(message.body(), ProductChanged.class);
        QuarkusTransaction.requiringNew().run(() -> {
            if (processed.markProcessed(NAME, message.eventId().toString())) {
                index.index(event.slug());
                LOG.debugf("Indexed product %s", event.slug());
            }
        });
    }
}
