package dev.kurashi.order;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Pruning of checkout idempotency keys (the batch-worker's prune job). */
@ApplicationScoped
public class IdempotencyKeyPruningService {

    private final IdempotencyKeyRepository keys;

    public IdempotencyKeyPruningService(IdempotencyKeyRepository keys) {
        this.keys = keys;
    }

    /** Deletes keys created before {@code cutoff}: a retry with such a key places a new order. */
    @Transactional
    @WithSpan
    public long pruneCreatedBefore(Instant cutoff) {
        return keys.deleteCreatedBefore(cutoff);
    }
}
