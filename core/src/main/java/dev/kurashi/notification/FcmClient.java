package dev.kurashi.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * FCM HTTP v1: {@code POST /v1/projects/{project}/messages:send}, one message per registration token. FCM has no
 * idempotency key; the dedupe id goes in {@code data.dedupeId} (the app can drop a repeat) and as the Android
 * {@code collapse_key}, so a repeat replaces the notification instead of adding one.
 */
@ApplicationScoped
class FcmClient {

    /** What FCM said about one token. */
    public record Answer(boolean unregistered, String messageName) {}

    private final PushConfig config;
    private final FcmAccessTokenProvider tokens;
    private final ObjectMapper json;
    private final HttpClient http;

    public FcmClient(PushConfig config, FcmAccessTokenProvider tokens, ObjectMapper json) {
        this.config = config;
        this.tokens = tokens;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public Answer send(String token, PushMessage message, String dedupeId) {
        ObjectNode body = json.createObjectNode();
        ObjectNode m = body.putObject("message");
        m.put("token", token);
        m.putObject("notification").put("title", message.title()).put("body", message.body());
        ObjectNode data = m.putObject("data");
        message.data().forEach(data::put);
        data.put("dedupeId", dedupeId);
        m.putObject("android").put("collapse_key", dedupeId);
        URI url = URI.create(config.fcmUrl() + "/v1/projects/" + config.fcmProject() + "/messages:send");
        HttpResponse<String> response = post(url, body);
        int status = response.statusCode();
        if (status == 200) {
            return new Answer(false, read(response.body()).path("name").asText(null));
        }
        if (status == 401) {
            tokens.invalidate();
        }
        if (isUnregistered(status, response.body())) {
            return new Answer(true, null);
        }
        throw new NotificationFailedException("FCM answered " + status + ": " + response.body());
    }

    /** 404 NOT_FOUND / UNREGISTERED: the app was uninstalled or the token expired. */
    private boolean isUnregistered(int status, String answer) {
        if (status != 404 && status != 400) {
            return false;
        }
        try {
            for (JsonNode detail : json.readTree(answer).path("error").path("details")) {
                if ("UNREGISTERED".equals(detail.path("errorCode").asText())) {
                    return true;
                }
            }
        } catch (JsonProcessingException e) {
            return false;
        }
        return false;
    }

    private JsonNode read(String answer) {
        try {
            return json.readTree(answer);
        } catch (JsonProcessingException e) {
            throw new NotificationFailedException("FCM answered something other than JSON: " + answer, e);
        }
    }

    private HttpResponse<String> post(URI url, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("Authorization", "Bearer " + tokens.accessToken())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NotificationFailedException("FCM is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("interrupted while calling FCM", e);
        }
    }
}
