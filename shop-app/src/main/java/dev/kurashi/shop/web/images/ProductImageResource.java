package dev.kurashi.shop.web.images;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Product and article illustrations, drawn on request. Nothing is looked up: the picture follows from the
 * slug alone, so an unknown slug still gets an image (the page that links it decides what exists), and the
 * answer may be cached by browsers and the CDN for as long as the drawing code does not change.
 *
 * <p>Paths that do not match the patterns (an upper-case slug, image 0 or 10) are 404 by routing.
 */
@Path("/images")
public class ProductImageResource {

    static final String SVG = "image/svg+xml";

    /** Written out rather than built with CacheControl, which has no "immutable". */
    private static final String CACHE = "public, max-age=86400, s-maxage=604800, immutable";

    /** An SVG opened as a page of its own must not run or load anything. */
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";

    private final ProductImageRenderer renderer = new ProductImageRenderer();

    @GET
    @Path("products/{slug: [a-z0-9-]{1,80}}/{n: [1-9]}.svg")
    public Response product(@PathParam("slug") String slug, @PathParam("n") int n, @Context Request request) {
        return svg(renderer.productSvg(slug, null, n), request);
    }

    @GET
    @Path("articles/{slug: [a-z0-9-]{1,80}}.svg")
    public Response article(@PathParam("slug") String slug, @Context Request request) {
        return svg(renderer.articleSvg(slug), request);
    }

    private static Response svg(String body, Request request) {
        EntityTag etag = new EntityTag(sha256(body));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder builder =
                notModified != null ? notModified : Response.ok(body, SVG + ";charset=utf-8");
        return builder.tag(etag)
                .header("Cache-Control", CACHE)
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static String sha256(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
