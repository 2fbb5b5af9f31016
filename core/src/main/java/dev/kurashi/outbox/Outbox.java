package dev.kurashi.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the transactional outbox (there is no other way for an event to leave a service) and hands the
 * relay its unsent rows.
 */
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

    /**
     * The relay's side: the oldest unsent rows, locked for this transaction (rows another relay holds are skipped),
     * so several relays share the work without sending a row twice in the normal case.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OutboxMessage> lockUnsent(int limit) {
        return repository.lockUnsent(limit);
    }

    /** Marks rows sent, in the transaction that locked them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markSent(Collection<Long> ids, Instant sentAt) {
        return repository.markSent(ids, sentAt);
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
