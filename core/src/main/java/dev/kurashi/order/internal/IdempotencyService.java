package dev.kurashi.order.internal;

import dev.kurashi.common.DomainException;
import dev.kurashi.order.CheckoutConfig;
import dev.kurashi.order.IdempotencyKey;
import dev.kurashi.order.IdempotencyKeyRepository;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Claims and releases {@code Idempotency-Key}s, each in its own short transaction so that a concurrent
 * request sees a claim as soon as it is made. Completing a claim is part of the work's own transaction
 * ({@link IdempotencyKeyRepository#complete}): the order and its replayable answer commit together.
 */
@ApplicationScoped
public class IdempotencyService {

    /** Either this request owns the key now, or the stored answer must be replayed. */
    public record Claim(boolean claimed, int replayStatus, String replayBody) {

        static Claim owned() {
            return new Claim(true, 0, null);
        }

        static Claim replay(IdempotencyKey key) {
            return new Claim(false, key.responseStatus, key.responseBody);
        }
    }

    private final IdempotencyKeyRepository keys;
    private final CheckoutConfig config;

    public IdempotencyService(IdempotencyKeyRepository keys, CheckoutConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /**
     * Claims the key for this request. A key used with another request hash is {@code UNPROCESSABLE}; a
     * key whose first request is still running is a {@code CONFLICT}; a finished one is replayed. An
     * {@code IN_FLIGHT} claim older than {@link CheckoutConfig#inFlightStaleAfter()} is taken over.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @WithSpan
    public Claim claim(long customerId, String idemKey, String requestHash) {
        // a claim released between our INSERT and our SELECT leaves nothing to read: try again
        for (int attempt = 0; attempt < 3; attempt++) {
            if (keys.tryClaim(customerId, idemKey, requestHash)) {
                return Claim.owned();
            }
            Optional<IdempotencyKey> existing = keys.find(customerId, idemKey);
            if (existing.isEmpty()) {
                continue;
            }
            IdempotencyKey key = existing.get();
            Instant staleBefore = Instant.now().minus(config.inFlightStaleAfter());
            switch (ClaimDecision.of(
                    key.requestHash.equals(requestHash),
                    key.state == IdempotencyKey.State.DONE,
                    key.createdAt,
                    staleBefore)) {
                case REUSED ->
                    throw new DomainException(
                            DomainException.Kind.UNPROCESSABLE,
                            "Idempotency key reused",
                            "This Idempotency-Key was already used with a different request");
                case REPLAY -> {
                    return Claim.replay(key);
                }
                case IN_PROGRESS -> throw inProgress("A request with this Idempotency-Key is still being processed");
                case TAKE_OVER -> {
                    if (deleteStale(key, staleBefore) == 0) {
                        throw inProgress("A request with this Idempotency-Key is still being processed");
                    }
                }
            }
            keys.getEntityManager().detach(key);
        }
        throw inProgress("A request with this Idempotency-Key is being processed");
    }

    private static DomainException inProgress(String detail) {
        return new DomainException(DomainException.Kind.CONFLICT, "Request in progress", detail + "; retry later");
    }

    /** Forgets a claim whose work failed and changed nothing, so the same key may be sent again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @WithSpan
    public void release(long customerId, String idemKey) {
        keys.release(customerId, idemKey);
    }

    /**
     * Deletes the stale claim only if it is still the same stale claim: of two requests reclaiming it at
     * once, one deletes it and both race for the fresh INSERT, which only one wins.
     */
    private long deleteStale(IdempotencyKey key, Instant staleBefore) {
        return keys.delete(
                "customerId = ?1 and idemKey = ?2 and state = ?3 and createdAt < ?4",
                key.customerId,
                key.idemKey,
                IdempotencyKey.State.IN_FLIGHT,
                staleBefore);
    }
}
