package dev.kurashi.batchworker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** Schedules and tuning of the batch jobs. */
@ConfigMapping(prefix = "kurashi.jobs")
public interface JobsConfig {

    /**
     * Quartz cron expressions (seconds first) by job name, evaluated in {@link #timeZone()}; {@code off} unschedules
     * a job. A job without an entry is not scheduled (it can still be run with {@code run <job>}).
     */
    Map<String, String> schedule();

    @WithDefault("Asia/Tokyo")
    ZoneId timeZone();

    /**
     * The interval of the {@code probe} job, a no-op that only records its firings: set it to check that a
     * cluster fires each firing once (the runbook's cluster check, and the tests). Unset in production.
     */
    Optional<Duration> probeInterval();

    /** How long each probe firing works (to have firings in flight when a node is killed). */
    @WithDefault("0s")
    Duration probeWork();

    /** A one-off run still RUNNING after this is counted as abandoned (its task died). */
    @WithDefault("12h")
    Duration oneOffTimeout();

    /** Orders (konbini expiry) or carts (reminder) read per query. */
    @WithDefault("200")
    int batchSize();

    /** A cart with items unchanged for this long gets a reminder. */
    @WithDefault("24h")
    Duration cartIdle();

    Prune prune();

    interface Prune {

        /** Sent outbox rows are kept this long (for investigation). */
        @WithDefault("P7D")
        Duration outboxAfter();

        /**
         * Processed-message rows are kept this long: longer than a message can still arrive (SQS and DLQ
         * retention are at most 14 days, and a redrive can bring a DLQ message back).
         */
        @WithDefault("P21D")
        Duration processedAfter();

        /** Checkout idempotency keys are kept this long; a retry after it places a new order. */
        @WithDefault("P7D")
        Duration idempotencyKeysAfter();

        /** Finished job execution rows are kept this long. */
        @WithDefault("P90D")
        Duration executionsAfter();
    }
}
