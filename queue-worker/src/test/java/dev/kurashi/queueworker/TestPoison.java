package dev.kurashi.queueworker;

import dev.kurashi.outbox.DomainEvent;

/** A test event that {@link PoisonHandler} fails on demand (DeadLetterTest sends it with the body {@code {}}). */
public record TestPoison() implements DomainEvent {

    @Override
    public String aggregateType() {
        return "test";
    }

    @Override
    public String aggregateId() {
        return "poison";
    }
}
