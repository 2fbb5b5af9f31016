package dev.kurashi.common;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The (time, id) sort key that newest-first lists page on, written {@code 2026-12-01T03:00:00Z|42} inside the
 * opaque cursor ({@link PageRequest}). The id breaks ties between rows of the same instant.
 */
public record TimeKey<I>(Instant at, I id) {

    /** The key of a row, as the next cursor carries it. */
    public static String of(Instant at, Object id) {
        return at + "|" + id;
    }

    /** The key a cursor carried, or null for the first page; anything else is a 400 "cursor is not valid". */
    public static <I> TimeKey<I> parse(String key, Function<String, I> id) {
        if (key == null) {
            return null;
        }
        int bar = key.lastIndexOf('|');
        try {
            if (bar < 1 || bar == key.length() - 1) {
                throw new IllegalArgumentException(key);
            }
            return new TimeKey<>(Instant.parse(key.substring(0, bar)), id.apply(key.substring(bar + 1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw DomainException.invalid("cursor is not valid");
        }
    }
}
