package dev.kurashi.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class ProcessedMessageRepository implements PanacheRepositoryBase<ProcessedMessage, ProcessedMessage.Key> {

    /**
     * Records that {@code consumer} handles {@code messageId}. Returns true the first time; false for a
     * duplicate delivery, which the consumer then acknowledges without effect. A concurrent duplicate
     * waits on the row lock until the first transaction ends.
     */
    public boolean markProcessed(String consumer, String messageId) {
        return getEntityManager()
                        .createNativeQuery("INSERT INTO processed_messages (consumer, message_id) VALUES (?1, ?2)"
                                + " ON CONFLICT DO NOTHING")
                        .setParameter(1, consumer)
                        .setParameter(2, messageId)
                        .executeUpdate()
                == 1;
    }

    public long deleteProcessedBefore(Instant cutoff) {
        return delete("processedAt < ?1", cutoff);
    }
}
