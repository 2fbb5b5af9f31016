package dev.kurashi.queueworker;

import dev.kurashi.outbox.DomainEvent;

/** A test event the relay routes to {@code kurashi-test-relay-probe} (RelayLatencyTest). */
public record RelayProbe(int sequence) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "probe";
    }

    @Override
    public String aggregateId() {
        return Integer.toString(sequence);
    }
}
