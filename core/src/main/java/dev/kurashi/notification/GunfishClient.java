package dev.kurashi.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gunfish (APNs provider server): {@code POST /push/apns} with a JSON array of {@code {token, payload, header}}.
 * Gunfish answers {@code {"result": "ok"}} once it accepted the batch; APNs failures go to its error hook, and the
 * devstack sink returns them synchronously as {@code {"result": [{"status": 410, "token", "reason"}, ...]}}: both
 * shapes are read.
 */
@ApplicationScoped
class GunfishClient {

    /** One notification: the device token and the send's dedupe id. */
    public record Notification(String token, String dedupeId) {}

    private final PushConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public GunfishClient(PushConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /**
     * Sends the message to every token in one request and answers the tokens APNs reported unregistered.
     * The dedupe id becomes the {@code apns-id} (a UUID derived from it) and the {@code apns-collapse-id}, so a
     * repeated send replaces the notification on the phone instead of adding a second one.
     */
    public Set<String> send(List<Notification> notifications, PushMessage message) {
        ArrayNode body = json.createArrayNode();
        for (Notification n : notifications) {
            ObjectNode item = body.addObject();
            item.put("token", n.token());
            ObjectNode payload = item.putObject("payload");
            ObjectNode aps = payload.putObject("aps");
            aps.putObject("alert").put("title", message.title()).put("body", message.body());
            aps.put("sound", "default");
            message.data().forEach(payload::put);
            item.putObject("header")
                    .put("apns-id", Dedupe.uuid(n.dedupeId()).toString())
                    .put("apns-collapse-id", n.dedupeId());
        }
        URI url = URI.create(config.gunfishUrl()
                        .orElseThrow(() -> new NotificationFailedException("kurashi.push.gunfish-url is not set"))
                        .toString()
                + "/push/apns");
        HttpResponse<String> response = post(url, body);
        if (response.statusCode() != 200) {
            throw new NotificationFailedException("Gunfish answered " + response.statusCode() + ": " + response.body());
        }
        return unregistered(response.body());
    }

    private Set<String> unregistered(String answer) {
        Set<String> tokens = new HashSet<>();
        try {
            JsonNode result = json.readTree(answer).path("result");
            for (JsonNode failure : result.isArray() ? result : json.createArrayNode()) {
                String reason = failure.path("reason").asText();
                if (failure.path("status").asInt() == 410
                        || "Unregistered".equals(reason)
                        || "BadDeviceToken".equals(reason)) {
                    tokens.add(failure.path("token").asText());
                }
            }
        } catch (JsonProcessingException e) {
            throw new NotificationFailedException("Gunfish answered something other than JSON: " + answer, e);
        }
        return tokens;
    }

    private HttpResponse<String> post(URI url, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NotificationFailedException("Gunfish is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("interrupted while calling Gunfish", e);
        }
    }
}
