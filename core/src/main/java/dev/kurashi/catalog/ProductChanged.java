package dev.kurashi.catalog;

import dev.kurashi.outbox.DomainEvent;

/** A product was created or replaced by staff, or its availability changed; search reindexes it. */
public record ProductChanged(String slug) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "product";
    }

    @Override
    public String aggregateId() {
        return slug;
    }
}
