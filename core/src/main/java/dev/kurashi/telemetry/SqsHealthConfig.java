package dev.kurashi.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Readiness check of the SQS queues an app works with; see {@link SqsReadinessCheck}. */
@ConfigMapping(prefix = "kurashi.health.sqs")
public interface SqsHealthConfig {

    /**
     * Read at build time: only apps that set it to {@code true} get the check (and an SQS client).
     * Declared here so the property is documented and known to the mapping.
     */
    @WithDefault("false")
    boolean enabled();

    /** Queues whose attributes the check reads; an enabled check without queues reports DOWN. */
    Optional<List<String>> queueUrls();

    /** A slow SQS must not hold a readiness probe longer than this. */
    @WithDefault("2s")
    Duration timeout();
}
