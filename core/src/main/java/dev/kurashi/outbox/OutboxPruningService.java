package dev.kurashi.outbox;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Pruning of the outbox and of consumers' processed-message rows (the batch-worker's prune job). */
@ApplicationScoped
public class OutboxPruningService {

    private final OutboxRepository outbox;
    private final ProcessedMessageRepository processed;

    public OutboxPruningService(OutboxRepository outbox, ProcessedMessageRepository processed) {
        this.outbox = outbox;
        this.processed = processed;
    }

    /** Deletes outbox rows sent before {@code cutoff}; unsent rows are never touched. */
    @Transactional
    @WithSpan
    public long pruneSent(Instant cutoff) {
        return outbox.deleteSentBefore(cutoff);
    }

    /**
     * Deletes processed-message rows older than {@code cutoff}. The cutoff must lie beyond the longest time a
     * message can still be delivered (queue and DLQ retention), or a late duplicate would take effect again.
     */
    @Transactional
    @WithSpan
    public long pruneProcessed(Instant cutoff) {
        return processed.deleteProcessedBefore(cutoff);
    }
}
