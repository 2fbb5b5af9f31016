package dev.kurashi.queueworker.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.outbox.ProcessedMessageRepository;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
import dev.kurashi.reading.ArticleChanged;
import dev.kurashi.search.ArticleIndexService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Re-indexes an article from the database. The processed-message row and the indexing share one transaction: if
 * indexing fails the row rolls back and the message is retried; if the commit fails after indexing, the retry
 * indexes the same current state again, which changes nothing.
 */
@ApplicationScoped
public class ArticleChangedConsumer implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(ArticleChangedConsumer.class);
    static final String NAME = "search-index:ArticleChanged";

    private final ArticleIndexService index;
    private final ProcessedMessageRepository processed;
    private final ObjectMapper json;

    ArticleChangedConsumer(ArticleIndexService index, ProcessedMessageRepository processed, ObjectMapper json) {
        this.index = index;
        this.processed = processed;
        this.json = json;
    }

    @Override
    public String eventType() {
        return "ArticleChanged";
    }

    @Override
    public void handle(InboundMessage message) throws Exception {
        ArticleChanged event = json.readValue(message.body(), ArticleChanged.class);
        QuarkusTransaction.requiringNew().run(() -> {
            if (processed.markProcessed(NAME, message.eventId().toString())) {
                index.index(event.slug());
                LOG.debugf("Indexed article %s", event.slug());
            }
        });
    }
}
