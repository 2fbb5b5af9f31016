package dev.kurashi.devstack.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Helpers for tests against the devstack this JVM uses (see {@link DevstackResource}). */
public final class Devstack {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Devstack() {}

    /** endpoints.json of the devstack, parsed ({@code postgres}, {@code opensearch}, {@code sqs}, ...). */
    public static Map<String, Object> endpoints() {
        return DevstackResource.devstack().endpoints();
    }

    /** Base URL of the sinks and control server, e.g. {@code http://localhost:8025}. */
    public static String url() {
        String url = System.getProperty(DevstackResource.URL_PROPERTY);
        return url != null ? url : DevstackResource.devstack().sinksUrl();
    }

    /** A signed access token of the kurashi-mobile client, shaped like Cognito's. */
    public static String token(String user, boolean staff) {
        return token(user, staff, "kurashi-mobile");
    }

    public static String token(String user, boolean staff, String clientId) {
        return call("GET", "/token?user=" + encode(user) + "&staff=" + staff + "&client=" + encode(clientId), null);
    }

    /** Every SES SendEmail request recorded, oldest first, as a JSON array. */
    public static String mail() {
        return call("GET", "/sinks/mail", null);
    }

    /** Every Gunfish and FCM request recorded, oldest first, as a JSON array. */
    public static String push() {
        return call("GET", "/sinks/push", null);
    }

    /** Every Sentry event recorded, oldest first, as a JSON array of {@code {id, receivedAt, project, event}}. */
    public static String errors() {
        return call("GET", "/sinks/errors", null);
    }

    public static void clearSinks() {
        call("DELETE", "/sinks", null);
    }

    /**
     * Makes the sinks fail: {@code apns} and {@code fcm} take "unregistered" or "error", {@code mail} takes
     * "error"; {@code null} means succeed.
     */
    public static void faults(String apns, String fcm, String mail) {
        call(
                "PUT",
                "/sinks/faults",
                "{\"apns\":" + quote(apns) + ",\"fcm\":" + quote(fcm) + ",\"mail\":" + quote(mail) + "}");
    }

    /**
     * Cuts a dependency off for {@code seconds}: {@code postgres} (the database refuses connections and drops the
     * open ones, as in an Aurora failover), {@code sqs} or {@code opensearch}. It comes back by itself.
     */
    public static void fault(String dependency, int seconds) {
        call("PUT", "/faults/" + dependency + "?seconds=" + seconds, null);
    }

    /** Ends a {@link #fault} early. */
    public static void endFault(String dependency) {
        call("DELETE", "/faults/" + dependency, null);
    }

    private static String call(String method, String path, String jsonBody) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method,
                jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url() + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
