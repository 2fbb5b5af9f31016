package dev.kurashi.queueworker.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The SQS consumers: one receive loop per queue, handlers on virtual threads. */
@ConfigMapping(prefix = "kurashi.consumers")
public interface ConsumerConfig {

    /** Off for one-off commands (redrive) and for tests that drive queues themselves. */
    @WithDefault("true")
    boolean enabled();

    /** URLs of the queues to consume. */
    List<String> queues();

    /** Long-poll wait of ReceiveMessage (at most 20 s); short in tests so shutdown is quick. */
    @WithDefault("20s")
    Duration waitTime();

    /**
     * Visibility timeout asked for on receive; a handler running longer than half of it gets it extended
     * (ChangeMessageVisibility heartbeat), so only a dead consumer's messages reappear.
     */
    @WithDefault("30s")
    Duration visibilityTimeout();

    /** Messages handled at once per queue; also the bound of messages received and not yet finished. */
    @WithDefault("10")
    int concurrency();

    /**
     * A failed message becomes visible again after this, doubled on each receive, up to
     * {@link #maxRetryBackoff()}. With maxReceiveCount 5 the DLQ takes it after four retries.
     */
    @WithDefault("10s")
    Duration retryBackoff();

    @WithDefault("5m")
    Duration maxRetryBackoff();

    /**
     * The queues' redrive policy (maxReceiveCount in infra/terraform/modules/sqs-queue): a failure on this
     * receive sends the message to the DLQ, and is counted as dead-lettered.
     */
    @WithDefault("5")
    int maxReceiveCount();

    /**
     * On SIGTERM: how long in-flight handlers may still run. Below quarkus.shutdown.timeout (20 s) and the ECS
     * stopTimeout (30 s); what is still running then is left to the visibility timeout.
     */
    @WithDefault("15s")
    Duration drainTimeout();
}
