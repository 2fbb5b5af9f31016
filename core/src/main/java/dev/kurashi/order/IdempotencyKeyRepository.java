package dev.kurashi.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class IdempotencyKeyRepository implements PanacheRepositoryBase<IdempotencyKey, IdempotencyKey.Key> {

    /**
     * Claims a key as {@code IN_FLIGHT}. Returns true when this caller claimed it; false when the key was
     * already there (then {@link #find} tells whether to replay, refuse a different body, or answer 409).
     * Run it in its own committed transaction so that a second request sees the claim at once.
     */
    public boolean tryClaim(long customerId, String idemKey, String requestHash) {
        return getEntityManager()
                        .createNativeQuery("INSERT INTO idempotency_keys (customer_id, idem_key, request_hash, state)"
                                + " VALUES (?1, ?2, ?3, 'IN_FLIGHT') ON CONFLICT DO NOTHING")
                        .setParameter(1, customerId)
                        .setParameter(2, idemKey)
                        .setParameter(3, requestHash)
                        .executeUpdate()
                == 1;
    }

    public Optional<IdempotencyKey> find(long customerId, String idemKey) {
        return findByIdOptional(new IdempotencyKey.Key(customerId, idemKey));
    }

    /** Records the response to replay. Returns 1 when the key was in flight. */
    public int complete(long customerId, String idemKey, int responseStatus, String responseBody) {
        return update(
                "state = ?1, responseStatus = ?2, responseBody = ?3"
                        + " where customerId = ?4 and idemKey = ?5 and state = ?6",
                IdempotencyKey.State.DONE,
                responseStatus,
                responseBody,
                customerId,
                idemKey,
                IdempotencyKey.State.IN_FLIGHT);
    }

    /** Forgets an in-flight claim whose work failed before any effect, so the client may retry. */
    public long release(long customerId, String idemKey) {
        return delete(
                "customerId = ?1 and idemKey = ?2 and state = ?3", customerId, idemKey, IdempotencyKey.State.IN_FLIGHT);
    }

    public long deleteCreatedBefore(Instant cutoff) {
        return delete("createdAt < ?1", cutoff);
    }
}
