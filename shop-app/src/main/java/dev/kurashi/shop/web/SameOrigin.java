package dev.kurashi.shop.web;

import java.net.URI;
import java.util.Locale;

/**
 * The CSRF check of a form posted from a cacheable page, which cannot carry a per-visitor token (ADR 1302): the
 * browser must say the request comes from this site. {@code Sec-Fetch-Site} (every current browser sends it) must
 * be {@code same-origin}; without it, {@code Origin} must name this host. A request with neither is refused, so a
 * cross-site form, which always carries one of them, never gets through.
 */
final class SameOrigin {

    private SameOrigin() {}

    /**
     * @param host the request's {@code Host} header (the ALB and CloudFront pass the viewer's host through)
     */
    static boolean allows(String fetchSite, String origin, String host) {
        if (fetchSite != null && !fetchSite.isBlank()) {
            return fetchSite.strip().toLowerCase(Locale.ROOT).equals("same-origin");
        }
        if (origin == null || origin.isBlank() || host == null || host.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(origin.strip());
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return uri.getHost() != null
                    && stripDefaultPort(authority).equalsIgnoreCase(stripDefaultPort(host.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripDefaultPort(String authority) {
        return authority.replaceFirst(":(80|443)$", "");
    }
}
