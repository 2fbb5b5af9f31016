package dev.kurashi.reading.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Anonymous reading answers, cacheable by browsers and CloudFront. The ETag is strong and is the hash of the
 * exact bytes sent, so it changes with anything shown (an edit, a product's price or stock), never without a
 * change; a matching {@code If-None-Match} is a 304 without a body.
 *
 * <p>The CDN keeps an answer {@link #SHARED_MAX_AGE} at most, and never past the next scheduled publish time for
 * answers that list articles, so a scheduled article shows up within seconds of its time, not minutes.
 */
public final class CachedResponses {

    /** Browsers revalidate after a minute (cheap with the ETag). */
    public static final Duration MAX_AGE = Duration.ofMinutes(1);
    /** CloudFront keeps an answer five minutes: staff edits show within that. */
    public static final Duration SHARED_MAX_AGE = Duration.ofMinutes(5);

    private CachedResponses() {}

    /** A 200 with the body, or a 304 when the client holds it already; both with ETag and Cache-Control. */
    public static Response ok(Request request, byte[] body, String mediaType, Optional<Instant> changesAt) {
        EntityTag etag = new EntityTag(hash(body));
        String cacheControl = cacheControl(changesAt, Instant.now());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder builder =
                notModified != null ? notModified : Response.ok(body, mediaType).tag(etag);
        return builder.header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    public static Response ok(Request request, String body, String mediaType, Optional<Instant> changesAt) {
        return ok(request, body.getBytes(StandardCharsets.UTF_8), mediaType, changesAt);
    }

    /**
     * {@code public, max-age=60, s-maxage=300}, both capped at the seconds until {@code changesAt} (at least 1,
     * so a burst at the very second is still absorbed by the CDN).
     */
    static String cacheControl(Optional<Instant> changesAt, Instant now) {
        long shared = SHARED_MAX_AGE.toSeconds();
        long browser = MAX_AGE.toSeconds();
        if (changesAt.isPresent()) {
            long until = Math.max(1, Duration.between(now, changesAt.get()).toSeconds());
            shared = Math.min(shared, until);
            browser = Math.min(browser, until);
        }
        return "public, max-age=" + browser + ", s-maxage=" + shared;
    }

    /** SHA-256 of the body, base64url without padding (43 characters). */
    static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
