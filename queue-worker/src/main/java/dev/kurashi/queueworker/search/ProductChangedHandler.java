package dev.kurashi.queueworker.search;

import dev.kurashi.catalog.ProductChanged;
import dev.kurashi.queueworker.messaging.Idempotency;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
import dev.kurashi.search.ProductIndexService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Re-indexes a product from the database, in the transaction of its processed-message row: if indexing fails the
 * row rolls back and the message is retried; if the commit fails after indexing, the retry indexes the same current
 * state again, which changes nothing.
 */
@ApplicationScoped
public class ProductChangedHandler implements MessageHandler<ProductChanged> {

    private static final Logger LOG = Logger.getLogger(ProductChangedHandler.class);

    private final ProductIndexService index;

    ProductChangedHandler(ProductIndexService index) {
        this.index = index;
    }

    @Override
    public Class<ProductChanged> eventClass() {
        return ProductChanged.class;
    }

    @Override
    public Idempotency idempotency() {
        return Idempotency.inTransaction("search-index");
    }

    @Override
    public void handle(ProductChanged event, InboundMessage message) {
        index.index(event.slug());
        LOG.debugf("Indexed product %s", event.slug());
    }
}
