package dev.kurashi.shop.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem documents. Every {@code type} is {@value #TYPE_BASE} followed by a slug that names the kind
 * of problem (not-found, validation, conflict, ...), one per HTTP status this app answers with; the slug is stable,
 * the title is for people.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://kurashi.dev/problems/";

    private Problems() {}

    /** One field of a request that failed validation, named by its JSON path ({@code shippingAddress.postalCode}). */
    public record FieldError(String field, String message) {}

    public static Map<String, Object> of(int status, String detail) {
        return of(status, slug(status), title(status), detail);
    }

    public static Map<String, Object> of(int status, String slug, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    public static Map<String, Object> validation(String detail, List<FieldError> errors) {
        Map<String, Object> problem = of(400, "validation", "Invalid request", detail);
        problem.put("errors", errors);
        return problem;
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 402 -> "payment-declined";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "too-many-requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment declined";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable request";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "HTTP " + status;
        };
    }

    /** Details for statuses whose exception message (if any) was not written for clients. */
    static String genericDetail(int status) {
        return switch (status) {
            case 401 -> "Sign in: this request needs a valid access token";
            case 403 -> "You may not do this";
            case 404 -> "Nothing exists at this address";
            case 405 -> "This address does not accept that method";
            case 406 -> "No representation matches the Accept header";
            case 413 -> "The request body is larger than this endpoint accepts";
            case 415 -> "This endpoint does not accept that Content-Type";
            default -> status >= 500 ? "Something went wrong on our side" : "The request cannot be processed";
        };
    }
}
