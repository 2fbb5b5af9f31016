package dev.kurashi.queueworker.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One queue's consumer. A receiver thread long-polls for up to 10 messages, as many as there are free handler
 * slots; each message runs on a virtual thread; successes are deleted in batches of up to 10 by a deleter thread;
 * a failure makes the message visible again after a back-off (SQS counts the receives and the redrive policy
 * moves it to the DLQ after 5); a heartbeat extends the visibility of slow handlers' messages.
 */
final class QueueConsumer {

    private static final Logger LOG = Logger.getLogger(QueueConsumer.class);
    private static final int MAX_BATCH = 10;
    private static final Duration DELETE_LINGER = Duration.ofMillis(20);

    private record InFlight(String messageId, String receiptHandle, Instant extendedAt) {}

    private final String queueUrl;
    private final String queue;
    private final SqsClient sqs;
    private final MessagePipeline pipeline;
    private final RetryPolicy retries;
    private final ConsumerConfig config;
    private final MessageTracing tracing;
    private final ConsumerMetrics metrics;
    private final Semaphore slots;
    private final ExecutorService workers;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final BlockingQueue<String> toDelete = new LinkedBlockingQueue<>();
    private volatile boolean receiving = true;
    private volatile boolean deleting = true;
    private Thread receiver;
    private Thread deleter;

    QueueConsumer(
            String queueUrl,
            SqsClient sqs,
            MessagePipeline pipeline,
            ConsumerConfig config,
            MessageTracing tracing,
            ConsumerMetrics metrics) {
        this.metrics = metrics;
        this.queueUrl = queueUrl;
        this.queue = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        this.sqs = sqs;
        this.pipeline = pipeline;
        this.retries = RetryPolicy.of(config);
        this.config = config;
        this.tracing = tracing;
        this.slots = new Semaphore(config.concurrency());
        this.workers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(queue + "-handler-", 0).factory());
    }

    void start() {
        receiver = Thread.ofPlatform().name(queue + "-receiver").daemon().start(this::receiveLoop);
        deleter = Thread.ofPlatform().name(queue + "-deleter").daemon().start(this::deleteLoop);
        LOG.infof("Consuming %s (%d at a time, long poll %s)", queue, config.concurrency(), config.waitTime());
    }

    /** SIGTERM, step 1: no new receive; a long poll under way releases what it brings. */
    void stopReceiving() {
        receiving = false;
    }

    /**
     * SIGTERM, step 2: waits for in-flight handlers until {@code deadline}, deletes what succeeded, and leaves the
     * rest to the visibility timeout. Returns how many were left.
     */
    int drain(Instant deadline) {
        workers.shutdown();
        try {
            long wait = Duration.between(Instant.now(), deadline).toMillis();
            workers.awaitTermination(Math.max(0, wait), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleting = false;
        try {
            deleter.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushDeletes();
        return inFlight.size();
    }

    private void receiveLoop() {
        while (receiving) {
            int wanted;
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            wanted = 1;
            while (wanted < MAX_BATCH && slots.tryAcquire()) {
                wanted++;
            }
            List<Message> messages;
            try {
                int maxMessages = wanted;
                messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                                .maxNumberOfMessages(maxMessages)
                                .waitTimeSeconds((int) config.waitTime().toSeconds())
                                .visibilityTimeout(
                                        (int) config.visibilityTimeout().toSeconds())
                                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                                .messageAttributeNames("All"))
                        .messages();
            } catch (SdkException | IllegalStateException e) {
                slots.release(wanted);
                if (receiving) {
                    LOG.warnf("Receive from %s failed: %s", queue, e.getMessage());
                    pause(Duration.ofSeconds(2));
                }
                continue;
            }
            slots.release(wanted - messages.size());
            if (!receiving) {
                release(messages);
                slots.release(messages.size());
                return;
            }
            for (Message message : messages) {
                inFlight.put(
                        message.messageId(), new InFlight(message.messageId(), message.receiptHandle(), Instant.now()));
                workers.execute(() -> process(message));
            }
        }
    }

    private void process(Message message) {
        try {
            InboundMessage inbound = InboundMessage.of(queue, message);
            tracing.run(inbound, () -> handle(inbound, message));
        } catch (Exception | Error e) {
            LOG.errorf(e, "Message %s on %s could not be read", message.messageId(), queue);
        } finally {
            inFlight.remove(message.messageId());
            slots.release();
        }
    }

    /** Runs inside the message's span, so the failure log line carries its trace id. */
    private void handle(InboundMessage message, Message raw) {
        long started = System.nanoTime();
        String eventType = pipeline.handles(message.eventType()) ? message.eventType() : ConsumerMetrics.UNKNOWN;
        try {
            pipeline.dispatch(message);
            toDelete.add(raw.receiptHandle());
            metrics.handled(queue, eventType, Duration.ofNanos(System.nanoTime() - started), raw);
            LOG.debugf("Handled %s %s (receive %d)", message.eventType(), message.eventId(), message.receiveCount());
        } catch (Exception e) {
            Span.current().recordException(e);
            Span.current().setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            metrics.failed(
                    queue,
                    eventType,
                    Duration.ofNanos(System.nanoTime() - started),
                    message.receiveCount() >= config.maxReceiveCount());
            Duration delay = retries.delay(e, message.receiveCount());
            LOG.warnf(
                    "%s %s failed on receive %d (%s); visible again in %ds",
                    message.eventType(), message.eventId(), message.receiveCount(), e.toString(), delay.toSeconds());
            try {
                sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl)
                        .receiptHandle(raw.receiptHandle())
                        .visibilityTimeout((int) delay.toSeconds()));
            } catch (SdkException visibilityFailure) {
                LOG.warnf(
                        "Could not set the retry delay of %s: %s", message.messageId(), visibilityFailure.getMessage());
            }
        }
    }

    /** Extends the visibility of messages whose handler has run for more than half the visibility timeout. */
    void heartbeat() {
        Instant due = Instant.now().minus(config.visibilityTimeout().dividedBy(2));
        List<InFlight> slow = inFlight.values().stream()
                .filter(f -> f.extendedAt().isBefore(due))
                .toList();
        for (int from = 0; from < slow.size(); from += MAX_BATCH) {
            List<InFlight> batch = slow.subList(from, Math.min(slow.size(), from + MAX_BATCH));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(batch.get(i).receiptHandle())
                        .visibilityTimeout((int) config.visibilityTimeout().toSeconds())
                        .build());
            }
            try {
                sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries));
                Instant now = Instant.now();
                batch.forEach(f -> inFlight.computeIfPresent(
                        f.messageId(), (id, current) -> new InFlight(id, current.receiptHandle(), now)));
                LOG.debugf("Extended the visibility of %d slow messages on %s", batch.size(), queue);
            } catch (SdkException e) {
                LOG.warnf(
                        "Could not extend the visibility of %d messages on %s: %s",
                        batch.size(), queue, e.getMessage());
            }
        }
    }

    private void deleteLoop() {
        while (deleting) {
            try {
                String first = toDelete.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<String> batch = new ArrayList<>(MAX_BATCH);
                batch.add(first);
                long lingerUntil = System.nanoTime() + DELETE_LINGER.toNanos();
                while (batch.size() < MAX_BATCH) {
                    String next = toDelete.poll(Math.max(0, lingerUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                delete(batch);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void flushDeletes() {
        List<String> rest = new ArrayList<>();
        toDelete.drainTo(rest);
        for (int from = 0; from < rest.size(); from += MAX_BATCH) {
            delete(rest.subList(from, Math.min(rest.size(), from + MAX_BATCH)));
        }
    }

    private void delete(List<String> receiptHandles) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < receiptHandles.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .receiptHandle(receiptHandles.get(i))
                    .build());
        }
        try {
            var result = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            // A failed delete is redelivered later and skipped by the idempotent handler.
            result.failed().forEach(f -> LOG.warnf("Delete on %s failed: %s %s", queue, f.code(), f.message()));
        } catch (SdkException e) {
            LOG.warnf("DeleteMessageBatch of %d on %s failed: %s", entries.size(), queue, e.getMessage());
        }
    }

    /** Makes messages received during shutdown visible again at once, for another task to take. */
    private void release(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle())
                    .visibilityTimeout(0)
                    .build());
        }
        try {
            sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries));
        } catch (SdkException | IllegalStateException e) {
            LOG.debugf("Could not release %d messages on %s: %s", messages.size(), queue, e.getMessage());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
