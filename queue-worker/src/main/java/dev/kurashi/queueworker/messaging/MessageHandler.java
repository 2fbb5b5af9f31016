package dev.kurashi.queueworker.messaging;

/**
 * Handles the messages of one event type. Must be idempotent: SQS delivers at least once, and a message whose
 * handler throws is delivered again (after a back-off) until the DLQ takes it.
 */
public interface MessageHandler {

    /** The {@code eventType} attribute this handler takes, e.g. {@code OrderPlaced}. */
    String eventType();

    void handle(InboundMessage message) throws Exception;
}
