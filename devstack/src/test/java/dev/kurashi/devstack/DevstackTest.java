package dev.kurashi.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.kurashi.devstack.client.Devstack;
import dev.kurashi.devstack.client.DevstackProcess;
import dev.kurashi.devstack.client.DevstackResource;
import dev.kurashi.devstack.client.Json;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Launches the devstack as a child process (as the test resource does), on shifted ports so that a devstack
 * of `./kurashi up` may keep running, and checks what apps rely on. The last test stops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevstackTest {

    /**
     * Away from the ports of the devstack that the other modules' tests launch (KURASHI_DEVSTACK_PORTS_OFFSET) and,
     * when that variable gives this checkout its own range, away from other checkouts' DevstackTest too.
     */
    private static final int OFFSET = ownOffset();

    private static int ownOffset() {
        String offset = System.getenv("KURASHI_DEVSTACK_PORTS_OFFSET");
        return offset == null || offset.isBlank() ? 1000 : Integer.parseInt(offset.strip()) + 500;
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private Path stateDir;
    private DevstackProcess devstack;
    private Map<String, Object> endpoints;

    @BeforeAll
    void launch() throws IOException {
        stateDir = Path.of("target", "devstack-test").toAbsolutePath();
        long t = System.nanoTime();
        String classpath = Path.of("target", "classes").toAbsolutePath()
                + File.pathSeparator
                + Path.of("target", "lib").toAbsolutePath().resolve("*");
        devstack = DevstackProcess.launch(stateDir, classpath, "--ports-offset", Integer.toString(OFFSET));
        System.out.printf("devstack ready in %.1f s (launch included)%n", (System.nanoTime() - t) / 1e9);
        endpoints = devstack.endpoints();
        System.setProperty(DevstackResource.URL_PROPERTY, devstack.sinksUrl());
    }

    @AfterAll
    void stop() {
        System.clearProperty(DevstackResource.URL_PROPERTY);
        System.clearProperty(DevstackResource.ENDPOINTS_PROPERTY);
        devstack.stop();
    }

    @Test
    @Order(1)
    void writesEndpointsAndQuarkusProperties() {
        assertEquals(devstack.pid(), ((Number) endpoints.get("pid")).longValue());
        assertEquals(
                "http://localhost:" + (9200 + OFFSET),
                map(endpoints, "opensearch").get("url"));
        assertEquals(
                "http://localhost:" + (8180 + OFFSET) + "/kurashi",
                map(endpoints, "oidc").get("issuer"));
        Map<String, String> properties = devstack.quarkusProperties();
        assertEquals(
                "jdbc:postgresql://localhost:" + (15432 + OFFSET) + "/kurashi",
                properties.get("quarkus.datasource.jdbc.url"));
        assertEquals("localhost:" + (9200 + OFFSET), properties.get("quarkus.elasticsearch.hosts"));
        assertEquals(
                "http://localhost:" + (9324 + OFFSET) + "/000000000000/kurashi-notifications-dlq",
                properties.get("kurashi.queues.notifications-dlq"));
        assertEquals("http://localhost:" + (8025 + OFFSET) + "/ses", properties.get("kurashi.mail.endpoint"));
    }

    @Test
    @Order(2)
    void testResourceReusesTheRunningDevstack() {
        System.setProperty(
                DevstackResource.ENDPOINTS_PROPERTY, devstack.endpointsFile().toString());
        Map<String, String> config = new DevstackResource().start();
        assertEquals(devstack.quarkusProperties(), config);
        assertEquals(devstack.pid(), DevstackResource.devstack().pid());
    }

    @Test
    @Order(3)
    void postgresChecksPasswords() throws SQLException {
        Map<String, Object> pg = map(endpoints, "postgres");
        int port = ((Number) pg.get("port")).intValue();
        try (Connection c = PostgresService.connect(port, "kurashi", "kurashi", "kurashi");
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT current_user, current_setting('server_encoding'),"
                                + " (SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user),"
                                + " (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'kurashi')")) {
            rs.next();
            assertEquals("kurashi", rs.getString(1));
            assertEquals("UTF8", rs.getString(2));
            assertTrue(rs.getBoolean(3));
            assertEquals("kurashi", rs.getString(4));
        }
        try (Connection c = PostgresService.connect(port, "postgres", "postgres", "postgres")) {
            assertTrue(c.isValid(2));
        }
        SQLException wrong =
                assertThrows(SQLException.class, () -> PostgresService.connect(port, "kurashi", "kurashi", "wrong"));
        assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
        assertThrows(SQLException.class, () -> PostgresService.connect(port, "postgres", "postgres", ""));
    }

    @Test
    @Order(4)
    void openSearchAnswersAndSplitsJapaneseIntoBigrams() throws Exception {
        String url = (String) map(endpoints, "opensearch").get("url");
        Map<String, Object> health =
                Json.parseObject(get(url + "/_cluster/health").body());
        assertTrue(List.of("green", "yellow").contains(health.get("status")), health.toString());

        HttpResponse<String> analyzed = send(HttpRequest.newBuilder(URI.create(url + "/_analyze"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"analyzer\":\"cjk\",\"text\":\"マグカップ\"}"))
                .build());
        assertEquals(200, analyzed.statusCode(), analyzed.body());
        List<?> tokens = ((List<?>) Json.parseObject(analyzed.body()).get("tokens"))
                .stream().map(token -> ((Map<?, ?>) token).get("token")).toList();
        assertEquals(List.of("マグ", "グカ", "カッ", "ップ"), tokens);
    }

    @Test
    @Order(5)
    void queuesHaveDeadLetterQueues() throws Exception {
        Map<String, Object> queues = map(map(endpoints, "sqs"), "queues");
        assertEquals(4, queues.size(), queues.toString());
        for (String queue : List.of("kurashi-search-index", "kurashi-notifications")) {
            String queueUrl = (String) queues.get(queue);
            HttpResponse<String> attributes = send(HttpRequest.newBuilder(URI.create(queueUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "Action=GetQueueAttributes&Version=2012-11-05&AttributeName.1=All"))
                    .build());
            assertEquals(200, attributes.statusCode(), attributes.body());
            String body = attributes.body().replace("&quot;", "\"");
            assertTrue(body.contains("arn:aws:sqs:ap-northeast-1:000000000000:" + queue + "-dlq"), attributes.body());
            assertTrue(body.matches("(?s).*\"maxReceiveCount\"\\s*:\\s*\"?5\"?.*"), attributes.body());
            HttpResponse<String> dlq = send(HttpRequest.newBuilder(URI.create((String) queues.get(queue + "-dlq")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "Action=GetQueueAttributes&Version=2012-11-05&AttributeName.1=QueueArn"))
                    .build());
            assertEquals(200, dlq.statusCode(), dlq.body());
        }
    }

    @Test
    @Order(6)
    void tokenEndpointIssuesCognitoShapedTokensSignedByTheIssuer() throws Exception {
        String issuer = (String) map(endpoints, "oidc").get("issuer");
        SignedJWT staff = SignedJWT.parse(Devstack.token("staff-sato", true));
        JWKSet keys = JWKSet.load(URI.create(issuer + "/jwks").toURL());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(staff.getHeader().getKeyID());
        assertNotNull(key, "token signed by a key the issuer publishes");
        assertTrue(staff.verify(new RSASSAVerifier(key)));

        Map<String, Object> claims = staff.getJWTClaimsSet().getClaims();
        assertEquals(issuer, claims.get("iss"));
        assertEquals("staff-sato", claims.get("sub"));
        assertEquals("staff-sato", claims.get("username"));
        assertEquals("access", claims.get("token_use"));
        assertEquals("kurashi-mobile", claims.get("client_id"));
        assertEquals(List.of("kurashi-mobile"), staff.getJWTClaimsSet().getAudience());
        assertEquals(List.of("staff"), claims.get("cognito:groups"));
        assertNotNull(claims.get("scope"));
        assertNotNull(claims.get("exp"));

        SignedJWT customer = SignedJWT.parse(Devstack.token("hanako", false, "kurashi-web"));
        assertNull(customer.getJWTClaimsSet().getClaim("cognito:groups"));
        assertEquals("kurashi-web", customer.getJWTClaimsSet().getClaim("client_id"));
    }

    @Test
    @Order(7)
    void loginPageGivesStaffTheStaffGroup() throws Exception {
        Map<String, Object> oidc = map(endpoints, "oidc");
        String redirect = "http://localhost:8080/callback";
        String authorize = oidc.get("authorizationEndpoint") + "?client_id=kurashi-web&response_type=code&scope=openid"
                + "&state=s1&nonce=n1&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        HttpResponse<String> page = get(authorize);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("username"), "interactive login page");

        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=staff-tanaka&claims="))
                .build());
        assertEquals(302, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertTrue(code.find(), location);

        String basic =
                Base64.getEncoder().encodeToString("kurashi-web:kurashi-web-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create((String) oidc.get("tokenEndpoint")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code.group(1)
                        + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)))
                .build());
        assertEquals(200, token.statusCode(), token.body());
        SignedJWT access =
                SignedJWT.parse((String) Json.parseObject(token.body()).get("access_token"));
        Map<String, Object> claims = access.getJWTClaimsSet().getClaims();
        assertEquals(oidc.get("issuer"), claims.get("iss"));
        assertEquals("staff-tanaka", claims.get("sub"));
        assertEquals("staff-tanaka", claims.get("username"));
        assertEquals(List.of("staff"), claims.get("cognito:groups"));
        assertEquals("access", claims.get("token_use"));
        assertEquals("kurashi-web", claims.get("client_id"));
        assertEquals(List.of("kurashi-web"), access.getJWTClaimsSet().getAudience());
    }

    @Test
    @Order(8)
    void sinksRecordAndFaultsSwitch() throws Exception {
        String sinks = devstack.sinksUrl();
        Devstack.clearSinks();
        Devstack.faults(null, null, null);

        HttpResponse<String> sent = postJson(
                sinks + "/ses/v2/email/outbound-emails",
                "{\"FromEmailAddress\":\"shop@kurashi.dev\",\"Destination\":{\"ToAddresses\":[\"a@example.com\"]},"
                        + "\"Content\":{\"Simple\":{\"Subject\":{\"Data\":\"ご注文ありがとうございます\"},"
                        + "\"Body\":{\"Text\":{\"Data\":\"...\"}}}}}");
        assertEquals(200, sent.statusCode());
        assertNotNull(Json.parseObject(sent.body()).get("MessageId"));
        String apnsBatch = "[{\"token\":\"apns-token-1\",\"payload\":{\"aps\":{\"alert\":\"入荷しました\"}}}]";
        assertEquals(
                "ok",
                Json.parseObject(postJson(sinks + "/gunfish/push/apns", apnsBatch)
                                .body())
                        .get("result"));
        HttpResponse<String> fcm =
                postJson(sinks + "/fcm/v1/projects/kurashi/messages:send", "{\"message\":{\"token\":\"fcm-token-1\"}}");
        assertEquals(200, fcm.statusCode());
        assertTrue(((String) Json.parseObject(fcm.body()).get("name")).startsWith("projects/kurashi/messages/"));

        Devstack.faults("unregistered", "unregistered", "error");
        HttpResponse<String> unregistered = postJson(sinks + "/gunfish/push/apns", apnsBatch);
        assertEquals(200, unregistered.statusCode());
        @SuppressWarnings("unchecked")
        Map<String, Object> result = ((List<Map<String, Object>>)
                        Json.parseObject(unregistered.body()).get("result"))
                .getFirst();
        assertEquals("apns-token-1", result.get("token"));
        assertEquals(410L, result.get("status"));
        assertEquals("Unregistered", result.get("reason"));
        HttpResponse<String> fcmGone =
                postJson(sinks + "/fcm/v1/projects/kurashi/messages:send", "{\"message\":{\"token\":\"fcm-token-1\"}}");
        assertEquals(404, fcmGone.statusCode());
        assertTrue(fcmGone.body().contains("\"errorCode\":\"UNREGISTERED\""), fcmGone.body());
        assertTrue(postJson(sinks + "/ses/v2/email/outbound-emails", "{}").statusCode() >= 500);

        Devstack.faults("error", "error", null);
        assertEquals(503, postJson(sinks + "/gunfish/push/apns", apnsBatch).statusCode());
        assertEquals(
                503,
                postJson(sinks + "/fcm/v1/projects/kurashi/messages:send", "{\"message\":{}}")
                        .statusCode());
        Devstack.faults(null, null, null);

        List<Map<String, Object>> mail = Json.parseArrayOfObjects(Devstack.mail());
        assertEquals(2, mail.size());
        assertEquals("POST", mail.getFirst().get("method"));
        assertEquals(
                "a@example.com",
                ((List<?>) map(map(mail.getFirst(), "body"), "Destination").get("ToAddresses")).getFirst());
        List<Map<String, Object>> push = Json.parseArrayOfObjects(Devstack.push());
        assertEquals(
                List.of("apns", "fcm", "apns", "fcm", "apns", "fcm"),
                push.stream().map(r -> r.get("provider")).toList());
        assertEquals(
                List.of(200L, 200L, 200L, 404L, 503L, 503L),
                push.stream().map(r -> r.get("status")).toList());

        Devstack.clearSinks();
        assertEquals("[]", Devstack.push());
        assertEquals(200, get(sinks + "/health").statusCode());
    }

    @Test
    @Order(100)
    void stopLeavesNothingBehind() {
        long t = System.nanoTime();
        devstack.stop();
        System.out.printf("devstack stopped in %.1f s%n", (System.nanoTime() - t) / 1e9);
        assertFalse(Files.exists(devstack.endpointsFile()), "endpoints.json deleted");
        String pgData = stateDir.resolve("postgres").toString();
        // Only this test's processes: other checkouts may run their own devstack on the same machine.
        String ownStateDir = stateDir.toString();
        List<String> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(pgData)
                        || (p.info().commandLine().orElse("").contains(DevstackProcess.MAIN_CLASS)
                                && p.info().commandLine().orElse("").contains(ownStateDir)))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
        assertEquals(List.of(), leftovers);
        for (int port : List.of(15432, 9200, 9300, 9324, 8180, 8025)) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("localhost", port + OFFSET));
            } catch (IOException e) {
                throw new AssertionError("port " + (port + OFFSET) + " still in use", e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).build());
    }

    private HttpResponse<String> postJson(String url, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
