package dev.kurashi.queueworker.messaging;

/**
 * How the pipeline keeps a handler's effect to once per event. The processed-message row's key is
 * {@code <group>:<eventType>} with the event id (the outbox id, the same on every delivery and redrive).
 */
public sealed interface Idempotency {

    /**
     * For effects outside the database that record themselves per send (mail and push, in
     * {@code notification_sends}): a finished event returns at the first query; the row is written after the
     * handler returns, in its own transaction.
     */
    static Idempotency recordedAfter(String group) {
        return new RecordedAfter(group);
    }

    /**
     * For database and index effects: the row is written in the handler's transaction, so it commits with the
     * effect or rolls back with it; a retry after a failed commit repeats an effect that changes nothing.
     */
    static Idempotency inTransaction(String group) {
        return new InTransaction(group);
    }

    /** The handler is idempotent by itself and keeps no row (test handlers). */
    static Idempotency none() {
        return None.INSTANCE;
    }

    record RecordedAfter(String group) implements Idempotency {}

    record InTransaction(String group) implements Idempotency {}

    enum None implements Idempotency {
        INSTANCE
    }
}
