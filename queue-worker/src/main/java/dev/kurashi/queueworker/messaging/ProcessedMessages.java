package dev.kurashi.queueworker.messaging;

import dev.kurashi.outbox.ProcessedMessage;
import dev.kurashi.outbox.ProcessedMessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Processed-message rows of handlers whose effects are mail and push (recorded per send in
 * {@code notification_sends}): a redelivery of a finished message returns at the first query. Handlers with a
 * database or index effect write their row in the effect's transaction instead.
 */
@ApplicationScoped
public class ProcessedMessages {

    private final ProcessedMessageRepository processed;

    ProcessedMessages(ProcessedMessageRepository processed) {
        this.processed = processed;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean seen(String consumer, UUID eventId) {
        return processed
                .findByIdOptional(new ProcessedMessage.Key(consumer, eventId.toString()))
                .isPresent();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String consumer, UUID eventId) {
        processed.markProcessed(consumer, eventId.toString());
    }
}
