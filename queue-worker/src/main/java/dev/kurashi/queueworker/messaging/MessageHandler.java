package dev.kurashi.queueworker.messaging;

import dev.kurashi.outbox.DomainEvent;

/**
 * Handles the events of one class. The pipeline ({@link MessagePipeline}) reads the event from the message body and
 * applies the handler's {@link Idempotency}, so a handler holds only what the event means to its consumer. SQS
 * delivers at least once, and a message whose handler throws is delivered again (after a back-off) until the DLQ
 * takes it.
 *
 * @param <E> the event record, shared with its producer in {@code core}
 */
public interface MessageHandler<E extends DomainEvent> {

    /** The event record this handler takes; its simple name is the message's {@code eventType} attribute. */
    Class<E> eventClass();

    /** How a redelivered event is recognised. */
    Idempotency idempotency();

    void handle(E event, InboundMessage message) throws Exception;

    /** The {@code eventType} attribute on the wire, as {@link DomainEvent#eventType()} writes it. */
    default String eventType() {
        return eventClass().getSimpleName();
    }
}
