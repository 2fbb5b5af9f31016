package dev.kurashi.shop.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;

/**
 * A {@code Content-Type} or {@code Accept} that is not a media type ({@code Content-Type: ;;}, {@code text/}) is the
 * client's mistake: 400 problem+json before any resource runs (issue 12: it answered 500).
 */
@ApplicationScoped
public class MediaTypeCheck {

    static final String BODY = "{\"type\":\"https://kurashi.dev/problems/bad-request\",\"title\":\"Bad request\","
            + "\"status\":400,\"detail\":\"The Content-Type or Accept header is not a valid media type\"}";

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (parses(contentType, false) && parses(accept, true)) {
            context.next();
            return;
        }
        context.response()
                .setStatusCode(400)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(BODY);
    }

    static boolean parses(String header, boolean list) {
        if (header == null) {
            return true;
        }
        try {
            for (String part : list ? header.split(",") : new String[] {header}) {
                if (!part.isBlank()) {
                    MediaType.valueOf(part.strip());
                } else if (!list) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
