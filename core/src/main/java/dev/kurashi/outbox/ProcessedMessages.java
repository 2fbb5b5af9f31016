package dev.kurashi.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The processed-message rows of idempotent consumers, keyed by consumer name and event id (queue-worker's pipeline
 * names them {@code <group>:<eventType>}).
 */
@ApplicationScoped
public class ProcessedMessages {

    /** An effect that commits with its processed-message row. */
    public interface Effect {
        void run() throws Exception;
    }

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

    /**
     * Runs the effect in the transaction that writes the row, unless the row exists: an effect that fails rolls the
     * row back, and a redelivery of a committed one does nothing.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public void withEffect(String consumer, UUID eventId, Effect effect) throws Exception {
        if (processed.markProcessed(consumer, eventId.toString())) {
            effect.run();
        }
    }
}
