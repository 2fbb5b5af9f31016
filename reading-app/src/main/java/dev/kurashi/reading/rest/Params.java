package dev.kurashi.reading.rest;

import dev.kurashi.common.DomainException;
import java.util.List;
import java.util.Map;

/**
 * Query parameters read as strings and checked here, so that {@code limit=abc} is a 400 problem naming the field
 * rather than the 404 JAX-RS gives for a parameter it cannot convert (as the shop's catalog does).
 */
public final class Params {

    private Params() {}

    /** An optional integer parameter within bounds; null when absent. */
    public static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        String message = "must be an integer between " + min + " and " + max;
        throw new DomainException(
                DomainException.Kind.INVALID,
                "Invalid request",
                name + " " + message,
                Map.of("errors", List.of(Map.of("field", name, "message", message))));
    }
}
