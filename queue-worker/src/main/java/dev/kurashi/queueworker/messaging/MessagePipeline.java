package dev.kurashi.queueworker.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.outbox.DomainEvent;
import dev.kurashi.outbox.ProcessedMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;

/**
 * Between the SQS consumer and the handlers: finds the handler of a message's {@code eventType}, reads the body as
 * the handler's event class, and keeps the effect to once per event as the handler's {@link Idempotency} says.
 */
@ApplicationScoped
public class MessagePipeline {

    private final Map<String, MessageHandler<?>> handlers;
    private final ProcessedMessages processed;
    private final ObjectMapper json;

    MessagePipeline(Instance<MessageHandler<?>> handlers, ProcessedMessages processed, ObjectMapper json) {
        this.handlers = byEventType(handlers);
        this.processed = processed;
        this.json = json;
    }

    static Map<String, MessageHandler<?>> byEventType(Iterable<? extends MessageHandler<?>> handlers) {
        Map<String, MessageHandler<?>> byType = new HashMap<>();
        for (MessageHandler<?> handler : handlers) {
            MessageHandler<?> previous = byType.put(handler.eventType(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for " + handler.eventType());
            }
        }
        return Map.copyOf(byType);
    }

    /** Whether a handler takes this event type (the metrics count the others under one label). */
    boolean handles(String eventType) {
        return eventType != null && handlers.containsKey(eventType);
    }

    /** Handles one message; an exception leaves it to be retried by SQS. */
    void dispatch(InboundMessage message) throws Exception {
        MessageHandler<?> handler = handlers.get(message.eventType());
        if (handler == null) {
            throw new IllegalStateException("no handler for event type " + message.eventType());
        }
        if (message.eventId() == null) {
            throw new IllegalStateException("message has no eventId attribute");
        }
        dispatch(handler, message);
    }

    private <E extends DomainEvent> void dispatch(MessageHandler<E> handler, InboundMessage message) throws Exception {
        switch (handler.idempotency()) {
            case Idempotency.RecordedAfter(String group) -> {
                String consumer = group + ":" + handler.eventType();
                if (processed.seen(consumer, message.eventId())) {
                    return;
                }
                handler.handle(read(handler, message), message);
                processed.record(consumer, message.eventId());
            }
            case Idempotency.InTransaction(String group) -> {
                E event = read(handler, message);
                processed.withEffect(
                        group + ":" + handler.eventType(), message.eventId(), () -> handler.handle(event, message));
            }
            case Idempotency.None none -> handler.handle(read(handler, message), message);
        }
    }

    private <E extends DomainEvent> E read(MessageHandler<E> handler, InboundMessage message) throws Exception {
        return json.readValue(message.body(), handler.eventClass());
    }
}
