package dev.kurashi.batchworker;

import dev.kurashi.jobs.JobExecutionService;
import dev.kurashi.order.IdempotencyKeyPruningService;
import dev.kurashi.outbox.OutboxPruningService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Deletes sent outbox rows, processed-message rows, idempotency keys and job executions past their retention. */
@ApplicationScoped
public class PruneJob implements BatchJob {

    private final OutboxPruningService outbox;
    private final IdempotencyKeyPruningService idempotencyKeys;
    private final JobExecutionService executions;
    private final JobsConfig config;

    public PruneJob(
            OutboxPruningService outbox,
            IdempotencyKeyPruningService idempotencyKeys,
            JobExecutionService executions,
            JobsConfig config) {
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.executions = executions;
        this.config = config;
    }

    @Override
    public String name() {
        return "prune";
    }

    @Override
    public String run(JobOptions options) {
        Instant now = Instant.now();
        JobsConfig.Prune keep = config.prune();
        long sent = outbox.pruneSent(now.minus(keep.outboxAfter()));
        long processed = outbox.pruneProcessed(now.minus(keep.processedAfter()));
        long keys = idempotencyKeys.pruneCreatedBefore(now.minus(keep.idempotencyKeysAfter()));
        long runs = executions.pruneStartedBefore(now.minus(keep.executionsAfter()));
        return "outbox=" + sent + " processed-messages=" + processed + " idempotency-keys=" + keys + " job-executions="
                + runs;
    }
}
