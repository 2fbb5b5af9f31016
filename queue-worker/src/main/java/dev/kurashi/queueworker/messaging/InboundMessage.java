package dev.kurashi.queueworker.messaging;

import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A received SQS message as handlers see it. {@code eventId} is the outbox event's id (attribute {@code eventId}),
 * the same on every delivery and every redrive, so it is the key of idempotent consumers.
 */
public record InboundMessage(
        String queue,
        String messageId,
        UUID eventId,
        String eventType,
        String body,
        String traceparent,
        int receiveCount) {

    public static final String EVENT_TYPE = "eventType";
    public static final String EVENT_ID = "eventId";
    public static final String TRACEPARENT = "traceparent";
    /** When the event was committed to the outbox (ISO-8601), for the end-to-end lag. */
    public static final String CREATED_AT = "createdAt";

    static InboundMessage of(String queue, Message message) {
        Map<String, MessageAttributeValue> attributes = message.messageAttributes();
        String eventId = text(attributes, EVENT_ID);
        String receiveCount = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        return new InboundMessage(
                queue,
                message.messageId(),
                eventId == null ? null : UUID.fromString(eventId),
                text(attributes, EVENT_TYPE),
                message.body(),
                text(attributes, TRACEPARENT),
                receiveCount == null ? 1 : Integer.parseInt(receiveCount));
    }

    private static String text(Map<String, MessageAttributeValue> attributes, String name) {
        MessageAttributeValue value = attributes.get(name);
        return value == null ? null : value.stringValue();
    }
}
