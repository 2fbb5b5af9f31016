package dev.kurashi.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxMessage> {

    /**
     * The oldest unsent messages, locked; rows another relay node holds are skipped, so several nodes
     * share the work without sending a row twice in the normal case.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxMessage> lockUnsent(int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "SELECT * FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED",
                        OutboxMessage.class)
                .setParameter(1, limit)
                .getResultList();
    }

    public int markSent(Collection<Long> ids, Instant sentAt) {
        if (ids.isEmpty()) {
            return 0;
        }
        return update("sentAt = ?1 where id in ?2 and sentAt is null", sentAt, ids);
    }

    public long countUnsent() {
        return count("sentAt is null");
    }

    /** Prunes rows sent before {@code cutoff}. */
    public long deleteSentBefore(Instant cutoff) {
        return delete("sentAt < ?1", cutoff);
    }
}
