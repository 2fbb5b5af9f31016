package dev.kurashi.queueworker.search;

import dev.kurashi.queueworker.messaging.Idempotency;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
import dev.kurashi.reading.ArticleChanged;
import dev.kurashi.search.ArticleIndexService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Re-indexes an article from the database, in the transaction of its processed-message row: if indexing fails the
 * row rolls back and the message is retried; if the commit fails after indexing, the retry indexes the same current
 * state again, which changes nothing.
 */
@ApplicationScoped
public class ArticleChangedHandler implements MessageHandler<ArticleChanged> {

    private static final Logger LOG = Logger.getLogger(ArticleChangedHandler.class);

    private final ArticleIndexService index;

    ArticleChangedHandler(ArticleIndexService index) {
        this.index = index;
    }

    @Override
    public Class<ArticleChanged> eventClass() {
        return ArticleChanged.class;
    }

    @Override
    public Idempotency idempotency() {
        return Idempotency.inTransaction("search-index");
    }

    @Override
    public void handle(ArticleChanged event, InboundMessage message) {
        index.index(event.slug());
        LOG.debugf("Indexed article %s", event.slug());
    }
}
