package dev.kurashi.shop.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.config.ConfigMapping;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Optional;

/**
 * The one origin of every absolute URL the app writes (issue 12): {@code kurashi.public.base-url}, never the
 * request's {@code Host}. Code that writes a URL asks {@link #absolute(String)}; for what the framework builds
 * itself (the OIDC {@code redirect_uri}, JAX-RS making a relative {@code Location} absolute) every request's
 * {@code Host} header is replaced by the base URL's host before any handler reads it, so a forged Host cannot
 * reach a redirect, a link or a mail.
 */
@ApplicationScoped
public class PublicUrls {

    /** Where the shop is on the internet. */
    @ConfigMapping(prefix = "kurashi.public")
    public interface Config {

        /**
         * Scheme, host and port, no path: {@code https://shop.kurashi.dev}. Required in prod; unset only in tests,
         * whose random ports and browser tests need the request's own host.
         */
        Optional<URI> baseUrl();
    }

    private final URI base;

    public PublicUrls(Config config) {
        this.base = config.baseUrl().map(PublicUrls::origin).orElse(null);
    }

    private static URI origin(URI url) {
        if (url.getScheme() == null
                || url.getHost() == null
                || (url.getPath() != null && url.getPath().length() > 1)) {
            throw new IllegalStateException("kurashi.public.base-url must be scheme://host[:port], was " + url);
        }
        return URI.create(url.getScheme() + "://" + url.getRawAuthority());
    }

    /** The absolute URL of a path of this site ({@code /api/v1/orders/…}); relative when no base URL is set. */
    public URI absolute(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("not a path of this site: " + path);
        }
        return base == null ? URI.create(path) : base.resolve(path);
    }

    /** Just after Vert.x has read the request, before authentication and any resource: Host becomes ours. */
    void pinHost(@Observes Router router) {
        if (base == null) {
            return;
        }
        String authority = base.getRawAuthority();
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).handler(context -> {
            context.request().headers().set("Host", authority);
            context.next();
        });
    }
}
