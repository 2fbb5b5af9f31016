package dev.kurashi.queueworker.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Per queue and event type: {@code kurashi_messages_handled_total}, {@code kurashi_messages_failed_total} (each
 * failed receive), {@code kurashi_messages_dead_lettered_total} (a failure on the last receive the redrive policy
 * allows, after which SQS moves the message to the DLQ), {@code kurashi_message_handling_seconds} and
 * {@code kurashi_message_lag_seconds} (event committed to the outbox until handled).
 */
@ApplicationScoped
public class ConsumerMetrics {

    /** Event types no handler knows are counted under one label, so a stray sender cannot add series. */
    static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;

    ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void handled(String queue, String eventType, Duration took, Message raw) {
        registry.counter("kurashi.messages.handled", "queue", queue, "event_type", eventType)
                .increment();
        handling(queue, eventType, "handled").record(took);
        Instant created = createdAt(raw);
        if (created != null) {
            Timer.builder("kurashi.message.lag")
                    .description("Event committed to the outbox until its message was handled")
                    .tags("queue", queue, "event_type", eventType)
                    .register(registry)
                    .record(Duration.between(created, Instant.now()));
        }
    }

    void failed(String queue, String eventType, Duration took, boolean lastReceive) {
        registry.counter("kurashi.messages.failed", "queue", queue, "event_type", eventType)
                .increment();
        handling(queue, eventType, "failed").record(took);
        if (lastReceive) {
            registry.counter("kurashi.messages.dead.lettered", "queue", queue, "event_type", eventType)
                    .increment();
        }
    }

    private Timer handling(String queue, String eventType, String outcome) {
        return Timer.builder("kurashi.message.handling")
                .description("Time a handler took for one message")
                .tags("queue", queue, "event_type", eventType, "outcome", outcome)
                .register(registry);
    }

    private static Instant createdAt(Message raw) {
        MessageAttributeValue value = raw.messageAttributes().get(InboundMessage.CREATED_AT);
        if (value == null || value.stringValue() == null) {
            return null;
        }
        try {
            return Instant.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
