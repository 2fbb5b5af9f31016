package dev.kurashi.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mail and push sinks (SES v2, Gunfish, FCM v1) that record what the apps send, with switchable faults, plus the
 * devstack's control endpoints ({@code /sinks}, {@code /token}, {@code /health}).
 */
final class SinkServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FCM_SEND = Pattern.compile("/fcm/v1/projects/([^/]+)/messages:send");
    /** Sentry's envelope endpoint (DSN {@code http://key@localhost:8025/<project>}). */
    private static final Pattern SENTRY_ENVELOPE = Pattern.compile("/api/([^/]+)/envelope/?");

    private static final Set<String> PUSH_FAULTS = Set.of("unregistered", "error");
    private static final Set<String> MAIL_FAULTS = Set.of("error");
    private static final String FCM_ERROR_TYPE = "type.googleapis.com/google.firebase.fcm.v1.FcmError";

    private final int port;
    private final OidcService oidc;
    private final BooleanSupplier healthy;
    private final FaultControl dependencyFaults;
    private final List<ObjectNode> mail = new ArrayList<>();
    private final List<ObjectNode> push = new ArrayList<>();
    private final List<ObjectNode> errors = new ArrayList<>();
    private volatile Faults faults = new Faults(null, null, null);
    private HttpServer server;
    private ExecutorService executor;

    private record Faults(String apns, String fcm, String mail) {}

    SinkServer(int port, OidcService oidc, BooleanSupplier healthy, FaultControl dependencyFaults) {
        this.port = port;
        this.dependencyFaults = dependencyFaults;
        this.oidc = oidc;
        this.healthy = healthy;
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", port), 64);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Matcher fcm = FCM_SEND.matcher(path);
            Matcher sentry = SENTRY_ENVELOPE.matcher(path);
            if (method.equals("POST") && path.equals("/ses/v2/email/outbound-emails")) {
                sendEmail(exchange);
            } else if (method.equals("POST") && path.equals("/gunfish/push/apns")) {
                gunfish(exchange);
            } else if (method.equals("POST") && fcm.matches()) {
                fcm(exchange, fcm.group(1));
            } else if (method.equals("POST") && sentry.matches()) {
                sentryEnvelope(exchange, sentry.group(1));
            } else if (method.equals("GET") && path.equals("/sinks/errors")) {
                respondJson(exchange, 200, snapshot(errors));
            } else if (method.equals("GET") && path.equals("/sinks/mail")) {
                respondJson(exchange, 200, snapshot(mail));
            } else if (method.equals("GET") && path.equals("/sinks/push")) {
                respondJson(exchange, 200, snapshot(push));
            } else if (method.equals("DELETE") && path.equals("/sinks")) {
                synchronized (this) {
                    mail.clear();
                    push.clear();
                    errors.clear();
                }
                respond(exchange, 204, null, null);
            } else if (path.equals("/sinks/faults") && (method.equals("PUT") || method.equals("GET"))) {
                faults(exchange, method.equals("PUT"));
            } else if (path.equals("/faults") || path.startsWith("/faults/")) {
                dependencyFault(exchange, method, path);
            } else if (method.equals("GET") && path.equals("/token")) {
                token(exchange);
            } else if (method.equals("GET") && path.equals("/health")) {
                boolean up = healthy.getAsBoolean();
                respondJson(exchange, up ? 200 : 503, JSON.createObjectNode().put("status", up ? "UP" : "DOWN"));
            } else {
                respondJson(exchange, 404, error("no such endpoint: " + method + " " + path));
            }
        } catch (RuntimeException e) {
            Devstack.log("sinks: " + e);
            respondJson(exchange, 500, error(e.toString()));
        }
    }

    /**
     * A Sentry envelope: a JSON header line, then items, each a JSON header line and a payload of {@code length}
     * bytes (or up to the next newline). Every item of type {@code event} is kept as one error record.
     */
    private void sentryEnvelope(HttpExchange exchange, String project) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        int at = lineEnd(body, 0) + 1;
        while (at < body.length) {
            int headerEnd = lineEnd(body, at);
            JsonNode itemHeader = JSON.readTree(new String(body, at, headerEnd - at, StandardCharsets.UTF_8));
            int start = headerEnd + 1;
            int end = itemHeader.has("length")
                    ? Math.min(body.length, start + itemHeader.get("length").asInt())
                    : lineEnd(body, start);
            if ("event".equals(itemHeader.path("type").asText())) {
                ObjectNode record = JSON.createObjectNode()
                        .put("id", UUID.randomUUID().toString())
                        .put("receivedAt", Instant.now().toString())
                        .put("project", project);
                record.set("event", JSON.readTree(new String(body, start, end - start, StandardCharsets.UTF_8)));
                keep(errors, record);
            }
            at = end + 1;
        }
        respondJson(
                exchange,
                200,
                JSON.createObjectNode().put("id", UUID.randomUUID().toString()));
    }

    private static int lineEnd(byte[] body, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == '\n') {
                return i;
            }
        }
        return body.length;
    }

    private void sendEmail(HttpExchange exchange) throws IOException {
        ObjectNode record = record(exchange, "ses");
        if ("error".equals(faults.mail())) {
            record.put("status", 500);
            keep(mail, record);
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "InternalFailure");
            respondJson(exchange, 500, JSON.createObjectNode().put("message", "devstack fault: mail=error"));
            return;
        }
        String messageId = "devstack-" + UUID.randomUUID();
        record.put("status", 200).put("messageId", messageId);
        keep(mail, record);
        respondJson(exchange, 200, JSON.createObjectNode().put("MessageId", messageId));
    }

    /**
     * Real Gunfish accepts the batch with {@code {"result": "ok"}} and reports APNs failures later to its
     * error hook, one JSON object per token. The sink answers a failing batch synchronously with those objects
     * in {@code result} instead, so apps can be tested against an unregistered token without a hook.
     */
    private void gunfish(HttpExchange exchange) throws IOException {
        ObjectNode record = record(exchange, "apns");
        String fault = faults.apns();
        if ("error".equals(fault)) {
            record.put("status", 503);
            keep(push, record);
            exchange.getResponseHeaders().set("Retry-After", "1");
            respondJson(exchange, 503, JSON.createObjectNode().put("reason", "devstack fault: apns=error"));
        } else if ("unregistered".equals(fault)) {
            ArrayNode result = JSON.createArrayNode();
            for (JsonNode notification : record.path("body")) {
                result.addObject()
                        .put("provider", "apns")
                        .put("apns-id", UUID.randomUUID().toString().toUpperCase())
                        .put("status", 410)
                        .put("token", notification.path("token").asText())
                        .put("reason", "Unregistered");
            }
            record.put("status", 200);
            keep(push, record);
            ObjectNode response = JSON.createObjectNode();
            response.set("result", result);
            respondJson(exchange, 200, response);
        } else {
            record.put("status", 200);
            keep(push, record);
            respondJson(exchange, 200, JSON.createObjectNode().put("result", "ok"));
        }
    }

    private void fcm(HttpExchange exchange, String project) throws IOException {
        ObjectNode record = record(exchange, "fcm");
        String fault = faults.fcm();
        if ("unregistered".equals(fault)) {
            record.put("status", 404);
            keep(push, record);
            respondJson(exchange, 404, fcmError(404, "Requested entity was not found.", "NOT_FOUND", "UNREGISTERED"));
        } else if ("error".equals(fault)) {
            record.put("status", 503);
            keep(push, record);
            respondJson(
                    exchange,
                    503,
                    fcmError(503, "The service is currently unavailable.", "UNAVAILABLE", "UNAVAILABLE"));
        } else {
            String name = "projects/" + project + "/messages/" + UUID.randomUUID();
            record.put("status", 200).put("name", name);
            keep(push, record);
            respondJson(exchange, 200, JSON.createObjectNode().put("name", name));
        }
    }

    private static ObjectNode fcmError(int code, String message, String status, String errorCode) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error")
                .put("code", code)
                .put("message", message)
                .put("status", status);
        error.putArray("details").addObject().put("@type", FCM_ERROR_TYPE).put("errorCode", errorCode);
        return body;
    }

    private void faults(HttpExchange exchange, boolean update) throws IOException {
        if (update) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String apns = textOrNull(body, "apns");
            String fcm = textOrNull(body, "fcm");
            String mailFault = textOrNull(body, "mail");
            if ((apns != null && !PUSH_FAULTS.contains(apns))
                    || (fcm != null && !PUSH_FAULTS.contains(fcm))
                    || (mailFault != null && !MAIL_FAULTS.contains(mailFault))) {
                respondJson(exchange, 400, error("apns/fcm: unregistered|error|null, mail: error|null"));
                return;
            }
            faults = new Faults(apns, fcm, mailFault);
            Devstack.log("sinks: faults apns=" + apns + " fcm=" + fcm + " mail=" + mailFault);
        }
        Faults current = faults;
        ObjectNode body = JSON.createObjectNode();
        body.put("apns", current.apns()).put("fcm", current.fcm()).put("mail", current.mail());
        respondJson(exchange, 200, body);
    }

    /** {@code PUT /faults/NAME?seconds=N} starts an outage, {@code DELETE /faults/NAME} ends it, {@code GET /faults}. */
    private void dependencyFault(HttpExchange exchange, String method, String path) throws IOException {
        String name = path.length() > "/faults/".length() ? path.substring("/faults/".length()) : "";
        try {
            if (method.equals("PUT") && !name.isEmpty()) {
                String seconds = query(exchange.getRequestURI().getRawQuery()).getOrDefault("seconds", "15");
                dependencyFaults.start(name, Integer.parseInt(seconds));
            } else if (method.equals("DELETE") && !name.isEmpty()) {
                dependencyFaults.end(name);
            } else if (!method.equals("GET")) {
                respondJson(exchange, 405, error("PUT or DELETE /faults/NAME, GET /faults"));
                return;
            }
        } catch (IllegalArgumentException e) {
            respondJson(exchange, 400, error(e.getMessage()));
            return;
        }
        respondJson(exchange, 200, dependencyFaults.status());
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String user = query.get("user");
        if (user == null || user.isBlank()) {
            respondJson(exchange, 400, error("user is required: /token?user=NAME&staff=true|false&client=ID"));
            return;
        }
        boolean staff = Boolean.parseBoolean(query.getOrDefault("staff", "false"));
        String client = query.getOrDefault("client", "kurashi-mobile");
        respond(exchange, 200, "text/plain", oidc.token(user, staff, client).getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode record(HttpExchange exchange, String provider) throws IOException {
        ObjectNode record = JSON.createObjectNode();
        record.put("time", Instant.now().toString())
                .put("provider", provider)
                .put("method", exchange.getRequestMethod())
                .put("path", exchange.getRequestURI().getPath());
        ObjectNode headers = record.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            record.set("body", JSON.readTree(body));
        } catch (IOException notJson) {
            record.put("body", new String(body, StandardCharsets.UTF_8));
        }
        return record;
    }

    private synchronized void keep(List<ObjectNode> sink, ObjectNode record) {
        sink.add(record);
    }

    private synchronized ArrayNode snapshot(List<ObjectNode> sink) {
        ArrayNode array = JSON.createArrayNode();
        sink.forEach(array::add);
        return array;
    }

    private static String textOrNull(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void respondJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        respond(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.close();
        }
    }
}
