package dev.kurashi.common;

import java.util.Map;

/**
 * A business rule said no. Services throw it; each app's single exception mapper turns the {@link Kind}
 * into an HTTP status and the extensions into members of the problem+json body. Core knows no HTTP.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        /** The thing does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The request is malformed or breaks a validation rule. */
        INVALID,
        /** The request clashes with the current state (taken slug, no stock, request in flight). */
        CONFLICT,
        /** The payment provider declined. */
        PAYMENT_DECLINED,
        /** The request is well-formed but cannot be processed as sent (idempotency key reused). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String title;
    private final transient Map<String, Object> extensions;

    public DomainException(Kind kind, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public DomainException(Kind kind, String title, String detail) {
        this(kind, title, detail, Map.of());
    }

    public static DomainException notFound(String what, String key) {
        return new DomainException(Kind.NOT_FOUND, "Not found", what + " '" + key + "' does not exist");
    }

    public static DomainException invalid(String detail) {
        return new DomainException(Kind.INVALID, "Invalid request", detail);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(Kind.CONFLICT, "Conflict", detail);
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** Extra members of the problem body, for example {@code unavailable} for a stock conflict. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
