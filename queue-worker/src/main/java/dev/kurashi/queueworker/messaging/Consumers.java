package dev.kurashi.queueworker.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Starts a {@link QueueConsumer} (the SQS poller) per configured queue, all handing messages to one {@link MessagePipeline}, and stops them gracefully on SIGTERM. */
@ApplicationScoped
public class Consumers {

    private static final Logger LOG = Logger.getLogger(Consumers.class);

    private final ConsumerConfig config;
    private final SqsClient sqs;
    private final MessagePipeline pipeline;
    private final MessageTracing tracing;
    private final ConsumerMetrics metrics;
    private final List<QueueConsumer> consumers = new ArrayList<>();
    private ScheduledExecutorService heartbeat;

    Consumers(
            ConsumerConfig config,
            SqsClient sqs,
            MessagePipeline pipeline,
            MessageTracing tracing,
            ConsumerMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.sqs = sqs;
        this.pipeline = pipeline;
        this.tracing = tracing;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Consumers are disabled (kurashi.consumers.enabled=false)");
            return;
        }
        for (String queueUrl : config.queues()) {
            QueueConsumer consumer = new QueueConsumer(queueUrl, sqs, pipeline, config, tracing, metrics);
            consumers.add(consumer);
            consumer.start();
        }
        long period = Math.max(1000, config.visibilityTimeout().toMillis() / 6);
        heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("sqs-heartbeat").daemon().factory());
        heartbeat.scheduleAtFixedRate(
                () -> consumers.forEach(QueueConsumer::heartbeat), period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * SIGTERM: stop receiving on every queue, then let in-flight handlers finish within the drain timeout (below
     * quarkus.shutdown.timeout and the ECS stopTimeout). The heartbeat keeps running meanwhile, so a slow handler's
     * message stays invisible; whatever is left after the deadline reappears after its visibility timeout.
     */
    void stop(@Observes ShutdownEvent event) {
        if (consumers.isEmpty()) {
            return;
        }
        consumers.forEach(QueueConsumer::stopReceiving);
        Instant deadline = Instant.now().plus(config.drainTimeout());
        int left = 0;
        for (QueueConsumer consumer : consumers) {
            left += consumer.drain(deadline);
        }
        heartbeat.shutdownNow();
        if (left == 0) {
            LOG.info("Consumers stopped; every in-flight message finished");
        } else {
            LOG.warnf("Consumers stopped; %d in-flight messages left to their visibility timeout", left);
        }
    }
}
