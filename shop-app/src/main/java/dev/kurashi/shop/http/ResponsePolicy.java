package dev.kurashi.shop.http;

import dev.kurashi.shop.resilience.StaleMarks;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers every response gets, whoever wrote it (Quarkus REST, static files, the OIDC redirects): security
 * headers and the Cache-Control policy. Runs as a Vert.x filter so that nothing escapes it.
 *
 * <p>Cache-Control, in order: a response that sets a cookie, answers a request with credentials (Authorization
 * header or the web session cookie) or belongs to a personal path is {@code private, no-store}; any other answer
 * that is not 2xx (304 aside) is {@code no-store}; an anonymous GET of the catalog is
 * {@value #PUBLIC_CATALOG} unless the resource chose its own (images); the rest is {@code no-store} unless
 * its resource chose (static files).
 */
@ApplicationScoped
public class ResponsePolicy {

    static final String PUBLIC_CATALOG = "public, max-age=60, s-maxage=300";
    static final String PRIVATE = "private, no-store";
    static final String NO_STORE = "no-store";

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
    /** Swagger UI starts itself with an inline script and inline styles. */
    static final String SWAGGER_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";

    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** Paths whose answers belong to one person (prefixes end with '/' or are exact). */
    private static final List<String> PERSONAL = List.of(
            "/api/v1/cart",
            "/api/v1/orders",
            "/api/v1/favorites",
            "/api/v1/devices",
            "/api/v1/admin",
            "/cart",
            "/checkout",
            "/account",
            "/orders",
            "/favorites",
            "/login",
            "/logout");

    private static final List<String> CATALOG = List.of(
            "/api/v1/categories",
            "/api/v1/products",
            "/api/v1/search",
            "/api/v1/articles",
            "/products",
            "/categories",
            "/search",
            "/articles");

    private final boolean hsts;
    private final long maxBodySize;

    public ResponsePolicy(
            HttpConfig config, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.hsts = config.hsts();
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    private void handle(RoutingContext context) {
        if (tooLarge(context)) {
            return;
        }
        context.addHeadersEndHandler(ignored -> decorate(context));
        context.next();
    }

    /** A declared body over the limit is refused before it is read, as problem+json (Vert.x would send none). */
    private boolean tooLarge(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (declared <= maxBodySize) {
            return false;
        }
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close");
        context.addHeadersEndHandler(ignored -> decorate(context));
        context.response()
                .end("{\"type\":\"" + Problems.TYPE_BASE + Problems.slug(413) + "\",\"title\":\"" + Problems.title(413)
                        + "\",\"status\":413,\"detail\":\"" + Problems.genericDetail(413) + "\"}");
        return true;
    }

    private void decorate(RoutingContext context) {
        MultiMap headers = context.response().headers();
        String path = context.normalizedPath();
        setIfAbsent(headers, "Content-Security-Policy", path.startsWith("/q/swagger-ui") ? SWAGGER_CSP : CSP);
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "strict-origin-when-cross-origin");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "Permissions-Policy", PERMISSIONS);
        if (hsts) {
            setIfAbsent(headers, "Strict-Transport-Security", HSTS);
        }
        String cacheControl = cacheControl(
                context.request().method(),
                path,
                context.response().getStatusCode(),
                hasCredentials(context),
                setsCookie(context),
                headers.get(HttpHeaders.CACHE_CONTROL));
        cacheControl = StaleMarks.decorate(context, headers, cacheControl);
        headers.set(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (cacheControl.contains("no-store")) {
            headers.remove(HttpHeaders.EXPIRES);
            headers.remove(HttpHeaders.ETAG);
        }
    }

    static String cacheControl(
            HttpMethod method, String path, int status, boolean credentials, boolean setsCookie, String chosen) {
        if (setsCookie || credentials || matches(PERSONAL, path)) {
            return PRIVATE;
        }
        if (status == 304 && chosen != null) {
            return chosen;
        }
        if (status < 200 || status >= 300) {
            return NO_STORE;
        }
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        return read && ("/".equals(path) || matches(CATALOG, path)) ? PUBLIC_CATALOG : NO_STORE;
    }

    private static boolean matches(List<String> prefixes, String path) {
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + "?")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the answer sets (or removes) a cookie. Cookies added through Vert.x (CSRF, OIDC) are written into
     * the headers only after the headers-end handlers ran, so the cookie jar is asked too: it holds the request's
     * cookies and those this response changed.
     */
    private static boolean setsCookie(RoutingContext context) {
        if (context.response().headers().contains(HttpHeaders.SET_COOKIE)) {
            return true;
        }
        for (Cookie cookie : context.request().cookies()) {
            if (cookie instanceof ServerCookie server && server.isChanged()) {
                return true;
            }
        }
        return false;
    }

    /** The web session cookie of quarkus-oidc is {@code q_session} (split: {@code q_session_chunk_N}). */
    private static boolean hasCredentials(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return true;
        }
        String cookies = context.request().getHeader(HttpHeaders.COOKIE);
        return cookies != null && cookies.contains("q_session");
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
