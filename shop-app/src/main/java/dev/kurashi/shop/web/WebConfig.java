package dev.kurashi.shop.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The web storefront. */
@ConfigMapping(prefix = "kurashi.web")
public interface WebConfig {

    /** HMAC key of the guest cart cookie; a visitor who could forge it could put anything in it. */
    String cartCookieSecret();

    /** How long a guest cart survives in the browser. */
    @WithDefault("30d")
    Duration cartCookieMaxAge();

    /** Marks the guest cart cookie Secure (TLS ends at the load balancer in AWS, so the app cannot tell). */
    @WithDefault("false")
    boolean secureCookies();
}
