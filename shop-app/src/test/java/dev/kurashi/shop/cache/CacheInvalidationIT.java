package dev.kurashi.shop.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.devstack.client.DevstackResource;
import dev.kurashi.seed.SeedService;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged shop-apps (two processes, as two ECS tasks) on one database, each with its read caches. A staff
 * change made through task A is visible on task B within one second: B's caches are invalidated by the NOTIFY the
 * change's transaction sends (ADR 1001). A silent change (a plain UPDATE, no event) stays invisible on B until
 * then, which proves B really answers from its cache.
 */
class CacheInvalidationIT {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final Path LOGS = Path.of("target", "cache-invalidation-it");
    static final String SLUG = "mug-milk";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<Process> started = new ArrayList<>();

    static Map<String, String> devstack;
    static String taskA;
    static String taskB;

    @BeforeAll
    static void twoTasks() throws Exception {
        devstack = DevstackResource.devstack().quarkusProperties();
        Files.createDirectories(LOGS);
        // A migrates first (and the test seeds); B starts on the ready database, as a second task does
        taskA = start("task-a");
        taskB = start("task-b");
    }

    @AfterAll
    static void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    static String start(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Dquarkus.profile=test",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.console.json.enabled=false",
                "-Dkurashi.node-name=" + name));
        devstack.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(name + ".log").toFile())
                .start();
        started.add(process);
        String base = "http://localhost:" + port;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        // the packaged app holds no demo data (ADR 1501): once the schema is migrated, the test seeds it
        while (status(base + "/q/health/started") != 200) {
            assertTrue(process.isAlive(), name + " exited; see " + LOGS.resolve(name + ".log"));
            assertTrue(System.nanoTime() < deadline, name + " had not started after 120 s");
            Thread.sleep(200);
        }
        seedDemoData();
        while (status(base + "/api/v1/products/" + SLUG) != 200) {
            assertTrue(process.isAlive(), name + " exited; see " + LOGS.resolve(name + ".log"));
            assertTrue(System.nanoTime() < deadline, name + " was not serving after 120 s");
            Thread.sleep(200);
        }
        return base;
    }

    @Test
    void aStaffChangeOnOneTaskIsVisibleOnTheOtherWithinOneSecond() throws Exception {
        JsonNode before = product(taskB);
        String sku = before.path("skus").get(0).path("sku").asText();
        String name = before.path("name").asText();
        product(taskA);

        // a change no event announces: B keeps answering from its cache
        sql("UPDATE products SET name = name || '（限定）' WHERE slug = '" + SLUG + "'");
        assertEquals(name, product(taskB).path("name").asText(), "B answers from its cache");

        // staff sell the SKU out through task A: the stock row's availability flips and ProductChanged is written
        setStock(taskA, sku, 0);
        long changed = System.nanoTime();
        JsonNode after =
                awaitOn(taskB, p -> !p.path("skus").get(0).path("available").asBoolean());
        long millis = (System.nanoTime() - changed) / 1_000_000;
        System.out.printf("sold-out visible on task B after %d ms%n", millis);
        assertTrue(millis <= 1000, "visible on B after " + millis + " ms");
        // B reloaded everything, the silent rename included
        assertEquals(name + "（限定）", after.path("name").asText());

        setStock(taskA, sku, 25);
        changed = System.nanoTime();
        awaitOn(taskB, p -> p.path("skus").get(0).path("available").asBoolean());
        millis = (System.nanoTime() - changed) / 1_000_000;
        System.out.printf("restock visible on task B after %d ms%n", millis);
        assertTrue(millis <= 1000, "visible on B after " + millis + " ms");
        assertTrue(product(taskA).path("skus").get(0).path("available").asBoolean(), "and on A");
    }

    @Test
    void bothTasksListen() throws Exception {
        long listeners = count("SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN kurashi_cache'");
        assertTrue(listeners >= 2, "LISTEN connections: " + listeners);
        assertFalse(product(taskB).path("skus").isEmpty());
    }

    static JsonNode awaitOn(String task, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode product = product(task);
            if (condition.test(product)) {
                return product;
            }
            assertTrue(System.nanoTime() < deadline, "the change never showed on " + task);
            Thread.sleep(10);
        }
    }

    static JsonNode product(String task) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(task + "/api/v1/products/" + SLUG))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    static void setStock(String task, String sku, int quantity) throws IOException, InterruptedException {
        String token = HTTP.send(
                        HttpRequest.newBuilder(URI.create(System.getProperty(DevstackResource.URL_PROPERTY)
                                        + "/token?user=it-staff&staff=true&client=kurashi-mobile"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .strip();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(task + "/api/v1/admin/skus/" + sku + "/stock"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + quantity + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(
                devstack.get("quarkus.datasource.jdbc.url"),
                devstack.get("quarkus.datasource.username"),
                devstack.get("quarkus.datasource.password"));
    }

    /** The demo catalog, once, over JDBC: the same rows ./kurashi up seeds (module demo-data). */
    static void seedDemoData() throws SQLException {
        try (Connection c = db()) {
            c.setAutoCommit(false);
            SeedService.seedIfEmptyOver(c);
            c.commit();
        }
    }

    static void sql(String statement) throws SQLException {
        try (Connection c = db();
                var st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    static long count(String query) throws SQLException {
        try (Connection c = db();
                var st = c.createStatement();
                var rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
