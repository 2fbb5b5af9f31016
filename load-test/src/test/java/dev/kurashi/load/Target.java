package dev.kurashi.load;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Where and how hard to load, from system properties ({@code ./kurashi load} sets them; {@code -D} overrides):
 * {@code kurashi.url} (shop-app), {@code kurashi.devstack.url} (tokens), {@code rate} (new users per second at the
 * plateau of an open model), {@code users} (concurrent users of a closed model), {@code ramp} and {@code duration}
 * (seconds).
 */
final class Target {

    static final String BASE_URL = System.getProperty("kurashi.url", "http://localhost:8080");
    static final String DEVSTACK_URL = System.getProperty("kurashi.devstack.url", "http://localhost:8025");

    private Target() {}

    static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }

    static Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(intProperty(name, fallback));
    }

    /** JSON over HTTP/1.1 keep-alive, as the mobile apps and the CDN talk to the ALB. */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(BASE_URL)
                .acceptHeader("application/json, text/html;q=0.9")
                .acceptLanguageHeader("ja-JP,ja;q=0.9")
                .userAgentHeader("kurashi-load-test (Gatling)")
                .shareConnections();
    }
}
