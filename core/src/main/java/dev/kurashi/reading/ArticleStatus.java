package dev.kurashi.reading;

import java.time.Instant;

/** Derived from {@code publishAt} and the clock, never stored: a scheduled article goes live by itself. */
public enum ArticleStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED;

    public static ArticleStatus of(Instant publishAt, Instant now) {
        if (publishAt == null) {
            return DRAFT;
        }
        return publishAt.isAfter(now) ? SCHEDULED : PUBLISHED;
    }
}
