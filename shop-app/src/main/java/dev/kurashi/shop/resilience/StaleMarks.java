package dev.kurashi.shop.resilience;

import dev.kurashi.cache.StaleRead;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;

/**
 * The one way an answer says it is stale (ADR 1101), whichever layer kept it: a read cache that could not refresh
 * an entry ({@link StaleRead}, from core's caches) or the store of whole answers ({@link StaleResponses}). Both mark
 * the request; {@link #decorate} then gives the response {@code Warning: 110}, an {@code Age} (the oldest part)
 * and, instead of a shared-cache lifetime, {@code no-cache}, so that CloudFront does not keep an outage's answer.
 */
@ApplicationScoped
public class StaleMarks {

    static final String KEY = "kurashi.stale-age";
    public static final String WARNING = "110 - \"Response is Stale\"";

    /** A cache answered stale on this thread; marks the request being served, when there is one. */
    void onStaleRead(@Observes StaleRead read) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        RoutingContext context =
                Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        if (context != null) {
            mark(context, read.age());
        }
    }

    /** Marks the answer to {@code context} as stale, {@code age} old (the oldest mark wins). */
    public static void mark(RoutingContext context, Duration age) {
        Duration seen = context.get(KEY);
        if (seen == null || age.compareTo(seen) > 0) {
            context.put(KEY, age);
        }
    }

    public static Optional<Duration> of(RoutingContext context) {
        return Optional.ofNullable(context.get(KEY));
    }

    /**
     * Headers of a stale answer; {@code cacheControl} is what the response policy chose, and the value returned
     * replaces it.
     */
    public static String decorate(RoutingContext context, MultiMap headers, String cacheControl) {
        Optional<Duration> age = of(context);
        if (age.isEmpty() || context.response().getStatusCode() != 200) {
            return cacheControl;
        }
        headers.set("Warning", WARNING);
        headers.set(HttpHeaders.AGE, Long.toString(age.get().toSeconds()));
        return cacheControl.startsWith("public") ? "no-cache" : cacheControl;
    }
}
