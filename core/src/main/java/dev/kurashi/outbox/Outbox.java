package dev.kurashi.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Appends events to the transactional outbox. There is no other way for an event to leave a service. */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper mapper;

    public Outbox(OutboxRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    /** Must run inside the transaction of the state change, so both commit or neither does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(DomainEvent event) {
        var message = new OutboxMessage();
        message.eventId = UUID.randomUUID();
        message.eventType = event.eventType();
        message.aggregateType = event.aggregateType();
        message.aggregateId = event.aggregateId();
        message.payload = toJson(event);
        message.traceparent = traceparent(Span.current().getSpanContext());
        repository.persist(message);
        return message.eventId;
    }

    private String toJson(DomainEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.eventType(), e);
        }
    }

    /** W3C trace context of the current span, or null when nothing is traced. */
    static String traceparent(SpanContext context) {
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex();
    }
}
