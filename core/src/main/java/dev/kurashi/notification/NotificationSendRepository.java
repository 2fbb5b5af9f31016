package dev.kurashi.notification;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NotificationSendRepository implements PanacheRepositoryBase<NotificationSend, String> {

    /**
     * Takes the send: inserts it PENDING with a lease, or takes over a PENDING one whose lease ran out. Returns
     * true when the caller now holds it; false when it is SENT, UNREGISTERED, or leased by someone else.
     * One statement, so two deliveries racing for the same send cannot both win.
     */
    public boolean claim(String dedupeId, UUID eventId, String channel, String recipient, Duration lease) {
        return !getEntityManager()
                .createNativeQuery("INSERT INTO notification_sends"
                        + " (dedupe_id, event_id, channel, recipient, status, lease_until)"
                        + " VALUES (?1, ?2, ?3, ?4, 'PENDING', now() + make_interval(secs => ?5))"
                        + " ON CONFLICT (dedupe_id) DO UPDATE"
                        + " SET lease_until = excluded.lease_until, attempts = notification_sends.attempts + 1"
                        + " WHERE notification_sends.status = 'PENDING' AND notification_sends.lease_until < now()"
                        + " RETURNING dedupe_id")
                .setParameter(1, dedupeId)
                .setParameter(2, eventId)
                .setParameter(3, channel)
                .setParameter(4, recipient)
                .setParameter(5, lease.toMillis() / 1000.0)
                .getResultList()
                .isEmpty();
    }

    public void markSent(String dedupeId, String providerMessageId) {
        update(
                "status = 'SENT', sentAt = ?2, providerMessageId = ?3 where dedupeId = ?1 and status = 'PENDING'",
                dedupeId,
                Instant.now(),
                providerMessageId);
    }

    public void markUnregistered(String dedupeId) {
        update(
                "status = 'UNREGISTERED', sentAt = ?2 where dedupeId = ?1 and status = 'PENDING'",
                dedupeId,
                Instant.now());
    }

    /** Ends the lease after the provider refused, so the next delivery may send at once. */
    public void release(String dedupeId) {
        update("leaseUntil = ?2 where dedupeId = ?1 and status = 'PENDING'", dedupeId, Instant.EPOCH);
    }

    public List<NotificationSend> listByEvent(UUID eventId) {
        return list("eventId", eventId);
    }

    public long deleteCreatedBefore(Instant cutoff) {
        return delete("createdAt < ?1", cutoff);
    }
}
