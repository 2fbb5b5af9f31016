package dev.kurashi.shop.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.devstack.client.Devstack;
import dev.kurashi.shop.security.ApiFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of /q/openapi as anonymous, customer and staff with hostile values (NUL and other control
 * characters, unpaired surrogates, malformed percent-encoding and invalid UTF-8, absurd lengths, injection
 * strings) in every path, query and header parameter and in every string field of the request body, nested ones
 * included. Nothing may answer 5xx or show internals. The values are generated from a fixed seed, so a failure
 * repeats; the number of cases is printed.
 */
@QuarkusTest
class HostileWalkTest {

    private static final long SEED = 1101;
    /** Cases per operation and caller: every parameter gets every value; body fields a seeded sample. */
    private static final int BODY_CASES = 24;

    /** Hostile values as Java text (JSON bodies carry them as \\u escapes, URLs as UTF-8 percent-encoding). */
    private static final List<String> VALUES = List.of(
            "\u0000",
            "a\u0000b",
            "\u0001\u0002",
            "tab\tand\nnewline",
            "\u007f",
            "\uD800",
            "x\uDC00y",
            "\uD83D\uDE00",
            "\u202Eevil",
            "x".repeat(3000),
            "あ".repeat(20_000),
            "' OR '1'='1' --",
            "<script>alert(1)</script>",
            "../../../etc/passwd",
            "%",
            "{}",
            "-1",
            "99999999999999999999999",
            "",
            " ");

    /** Raw path and query text that is not valid percent-encoding or not UTF-8. */
    private static final List<String> RAW =
            List.of("%", "%zz", "%00", "%C0%AF", "%ED%A0%80", "%FF%FE", "a%2", "%E3%81");

    private record Caller(String name, String token) {}

    private int cases;
    private final List<String> failures = new ArrayList<>();
    private final Random random = new Random(SEED);

    @Test
    @SuppressWarnings("unchecked")
    void noOperationAnswers5xxOrShowsInternalsWhateverTheInput() {
        ApiFixture fixture = ApiFixture.get();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Caller> callers = List.of(
                new Caller("anonymous", null),
                new Caller("customer", Devstack.token("hostile-" + run, false)),
                new Caller("staff", Devstack.token("hostile-staff-" + run, true)));
        Map<String, Object> openapi = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        Map<String, Object> components = (Map<String, Object>) openapi.getOrDefault("components", Map.of());
        Map<String, Object> schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) openapi.get("paths");
        int operations = 0;
        long started = System.nanoTime();
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "PUT", "POST", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                operations++;
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                List<Map<String, Object>> parameters =
                        (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
                Object bodySchema = bodySchema(operation);
                for (Caller caller : callers) {
                    walk(caller, method, path.getKey(), parameters, bodySchema, schemas, fixture);
                }
            }
        }
        System.out.printf(
                "Hostile walk: %d operations x %d callers, %d cases in %.0f s, %d failures%n",
                operations, callers.size(), cases, (System.nanoTime() - started) / 1e9, failures.size());
        assertTrue(operations >= 20, "the OpenAPI document lists only " + operations + " operations");
        assertEquals(List.of(), failures.stream().limit(30).toList(), failures.size() + " cases failed");
    }

    private void walk(
            Caller caller,
            String method,
            String template,
            List<Map<String, Object>> parameters,
            Object bodySchema,
            Map<String, Object> schemas,
            ApiFixture fixture) {
        Map<String, String> validPath = new LinkedHashMap<>();
        for (Map<String, Object> p : parameters) {
            if ("path".equals(p.get("in"))) {
                validPath.put((String) p.get("name"), validPathValue((String) p.get("name"), fixture));
            }
        }
        String body = bodySchema == null ? null : json(bodySchema, schemas, "", null, 0);
        for (Map<String, Object> p : parameters) {
            String name = (String) p.get("name");
            String in = (String) p.get("in");
            for (String value : VALUES) {
                if (value.length() > 5000) {
                    continue; // longer than an HTTP request line or header may be (8 KiB): refused before the app
                }
                send(caller, method, template, validPath, in, name, encode(value), value, body);
            }
            if (!"header".equals(in)) {
                for (String raw : RAW) {
                    send(caller, method, template, validPath, in, name, raw, null, body);
                }
            }
        }
        if (bodySchema != null) {
            List<String> fields = new ArrayList<>();
            stringFields(bodySchema, schemas, "", fields, 0);
            for (int i = 0; i < BODY_CASES && !fields.isEmpty(); i++) {
                String field = fields.get(i < fields.size() ? i : random.nextInt(fields.size()));
                String value = VALUES.get(random.nextInt(VALUES.size()));
                send(
                        caller,
                        method,
                        template,
                        validPath,
                        "body",
                        field,
                        null,
                        null,
                        json(bodySchema, schemas, "", new String[] {field, jsonString(value)}, 0));
            }
            send(caller, method, template, validPath, "body", "(whole)", null, null, jsonString("\u0000"));
        }
    }

    private void send(
            Caller caller,
            String method,
            String template,
            Map<String, String> validPath,
            String in,
            String name,
            String encoded,
            String headerValue,
            String body) {
        String path = template;
        for (var p : validPath.entrySet()) {
            String value = "path".equals(in) && p.getKey().equals(name) ? encoded : encode(p.getValue());
            path = path.replace("{" + p.getKey() + "}", value);
        }
        if ("query".equals(in)) {
            path = path + "?" + name + "=" + encoded;
        }
        RequestSpecification request =
                given().urlEncodingEnabled(false).redirects().follow(false);
        if (caller.token() != null) {
            request.auth().oauth2(caller.token());
        }
        if (method.equals("POST") && template.equals("/api/v1/orders") && !"Idempotency-Key".equals(name)) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if ("header".equals(in)) {
            if (headerValue == null || headerValue.chars().anyMatch(c -> c > 0xff)) {
                return; // a header carries Latin-1 only: such a value cannot be sent at all
            }
            request.header(name, headerValue);
        }
        if (body != null) {
            request.contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        }
        String what = caller.name() + " " + method + " " + template + " " + in + ":" + name + "="
                + abbreviate(encoded != null ? encoded : String.valueOf(headerValue));
        cases++;
        int status;
        String text;
        if (encoded != null && headerValue == null && RAW.contains(encoded)) {
            // Malformed escapes: no URI class lets them through, so they go over a plain socket as they are.
            String[] answer = raw(method, path, caller.token(), body);
            status = Integer.parseInt(answer[0]);
            text = answer[1];
        } else {
            Response response;
            try {
                response = request.request(method, path);
            } catch (Exception e) { // RestAssured rethrows I/O errors unchecked or not
                if ("header".equals(in)) {
                    return; // the client refused to send a control character in a header: nothing reached the app
                }
                failures.add(what + " -> client error " + e);
                return;
            }
            status = response.statusCode();
            text = response.asString();
        }
        if (status >= 500) {
            failures.add(what + " -> " + status + " " + abbreviate(text));
        } else if (BadInputTest.INTERNALS.matcher(text).find()) {
            failures.add(what + " -> internals in " + status + " " + abbreviate(text));
        }
    }

    /** One HTTP/1.1 request over a plain socket, the target sent byte for byte; answers status and body. */
    private static String[] raw(String method, String target, String token, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\nAccept: application/json\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (method.equals("POST") && target.startsWith("/api/v1/orders")) {
            head.append("Idempotency-Key: ").append(UUID.randomUUID()).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String statusLine = answer.substring(0, Math.max(0, answer.indexOf("\r\n")));
            String[] parts = statusLine.split(" ");
            int bodyAt = answer.indexOf("\r\n\r\n");
            return new String[] {parts.length > 1 ? parts[1] : "0", bodyAt < 0 ? "" : answer.substring(bodyAt + 4)};
        } catch (java.io.IOException e) {
            return new String[] {"599", "no answer: " + e};
        }
    }

    private static String validPathValue(String name, ApiFixture fixture) {
        return switch (name) {
            case "slug" -> fixture.slug;
            case "sku" -> fixture.sku;
            case "id" -> fixture.orderA;
            case "token" -> "hostile-device-token-0123456789abcdef";
            default -> "x";
        };
    }

    @SuppressWarnings("unchecked")
    private static Object bodySchema(Map<String, Object> operation) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) body.get("content");
        if (content == null || content.isEmpty()) {
            return null;
        }
        Map<String, Object> json = (Map<String, Object>) content.getOrDefault(
                "application/json", content.values().iterator().next());
        return json.get("schema");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Object schema, Map<String, Object> schemas) {
        Map<String, Object> s = (Map<String, Object>) schema;
        for (int i = 0; i < 5 && s != null && s.containsKey("$ref"); i++) {
            String ref = (String) s.get("$ref");
            s = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (s != null && s.containsKey("allOf")) {
            return resolve(((List<Object>) s.get("allOf")).get(0), schemas);
        }
        return s == null ? Map.of() : s;
    }

    /** A JSON document for the schema, with the string at {@code target[0]} (a field path) replaced. */
    @SuppressWarnings("unchecked")
    private static String json(Object schema, Map<String, Object> schemas, String at, String[] target, int depth) {
        if (target != null && at.equals(target[0])) {
            return target[1];
        }
        Map<String, Object> s = resolve(schema, schemas);
        Object type = s.get("type");
        if (s.containsKey("enum")) {
            Object first = ((List<Object>) s.get("enum")).get(0);
            return first instanceof String str ? jsonString(str) : String.valueOf(first);
        }
        if ("object".equals(type) || s.containsKey("properties")) {
            if (depth > 4) {
                return "{}";
            }
            Map<String, Object> properties = (Map<String, Object>) s.getOrDefault("properties", Map.of());
            StringBuilder out = new StringBuilder("{");
            for (var p : properties.entrySet()) {
                if (out.length() > 1) {
                    out.append(',');
                }
                String child = at.isEmpty() ? p.getKey() : at + "." + p.getKey();
                out.append(jsonString(p.getKey()))
                        .append(':')
                        .append(json(p.getValue(), schemas, child, target, depth + 1));
            }
            return out.append('}').toString();
        }
        if ("array".equals(type)) {
            return depth > 4 ? "[]" : "[" + json(s.get("items"), schemas, at + "[0]", target, depth + 1) + "]";
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return "1";
        }
        if ("boolean".equals(type)) {
            return "true";
        }
        return jsonString("x");
    }

    @SuppressWarnings("unchecked")
    private static void stringFields(
            Object schema, Map<String, Object> schemas, String at, List<String> out, int depth) {
        Map<String, Object> s = resolve(schema, schemas);
        Object type = s.get("type");
        if ("object".equals(type) || s.containsKey("properties")) {
            if (depth > 4) {
                return;
            }
            Map<String, Object> properties = (Map<String, Object>) s.getOrDefault("properties", Map.of());
            for (var p : properties.entrySet()) {
                stringFields(p.getValue(), schemas, at.isEmpty() ? p.getKey() : at + "." + p.getKey(), out, depth + 1);
            }
        } else if ("array".equals(type)) {
            stringFields(s.get("items"), schemas, at + "[0]", out, depth + 1);
        } else if (!at.isEmpty()) {
            out.add(at); // strings, and numbers and enums too: a hostile string where a number belongs
        }
    }

    /** A JSON string literal; every character outside printable ASCII as a \\u escape, lone surrogates included. */
    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** UTF-8 percent-encoding of every byte outside unreserved characters; a lone surrogate as its raw bytes. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            byte[] bytes;
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1)))) {
                bytes = new byte[] {
                    (byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))
                };
            } else if (Character.isHighSurrogate(c)) {
                bytes = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                int u = b & 0xff;
                if ((u >= 'a' && u <= 'z')
                        || (u >= 'A' && u <= 'Z')
                        || (u >= '0' && u <= '9')
                        || "-._~".indexOf(u) >= 0) {
                    out.append((char) u);
                } else {
                    out.append('%').append(String.format("%02X", u));
                }
            }
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        String t = text.replaceAll("[^\\x20-\\x7e]", "?");
        return t.length() > 160 ? t.substring(0, 160) + "..." : t;
    }
}
