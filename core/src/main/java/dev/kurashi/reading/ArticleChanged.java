package dev.kurashi.reading;

import dev.kurashi.outbox.DomainEvent;

/** Staff created or replaced an article; search reindexes it. */
public record ArticleChanged(String slug) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "article";
    }

    @Override
    public String aggregateId() {
        return slug;
    }
}
