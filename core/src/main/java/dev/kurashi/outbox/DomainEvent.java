package dev.kurashi.outbox;

/**
 * A fact that happened, written to the outbox in the transaction that made it true. Implementations are
 * past-tense records in the feature that owns the fact; producer and consumer share the record.
 */
public interface DomainEvent {

    /** The aggregate kind, for example {@code product} or {@code order}. */
    String aggregateType();

    /** The aggregate's key; events of one aggregate keep their order in the outbox. */
    String aggregateId();

    /** The event type on the wire: the record's simple name, such as {@code OrderPlaced}. */
    default String eventType() {
        return getClass().getSimpleName();
    }
}
