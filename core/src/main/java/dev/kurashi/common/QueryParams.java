package dev.kurashi.common;

import java.util.List;
import java.util.Map;

/**
 * Query parameters read as strings and checked here, so that {@code limit=abc} is a 400 problem naming the
 * field rather than the 404 that JAX-RS gives for a parameter it cannot convert. Shared by every resource
 * (shop-app and reading-app) that takes such parameters.
 */
public final class QueryParams {

    private QueryParams() {}

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
        throw invalid(name, "must be an integer between " + min + " and " + max);
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(
                DomainException.Kind.INVALID,
                "Invalid request",
                field + " " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
