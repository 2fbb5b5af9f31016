package dev.kurashi.queueworker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.devstack.client.Devstack;
import dev.kurashi.devstack.client.DevstackResource;
import dev.kurashi.notification.Dedupe;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against the packaged app, as separate processes: two workers (each a relay and the consumers) share 5,000
 * StockReplenished events, each of which means one restock mail and one APNs push to a customer; one worker is
 * SIGKILLed mid-way and started again. Every event's mail and push must reach the sinks exactly once (distinct
 * dedupe ids), and none may be lost. Raw counts are printed too: a send the killed worker had made but not yet
 * marked SENT is repeated with the same dedupe id, which is what the provider-side id is for.
 * Ends with SIGTERM (graceful stop within the stop timeout) and the {@code redrive} command of the jar.
 */
class ExactlyOnceIT {

    private static final int EVENTS = 5_000;
    private static final Duration WITHIN = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Process> workers = new ArrayList<>();
    private String jdbcUrl;
    private Map<String, String> devstack;

    @AfterEach
    void stopWorkers() {
        workers.forEach(Process::destroyForcibly);
    }

    @Test
    void everyEventTakesEffectExactlyOnceWhenAWorkerIsKilledMidWay() throws Exception {
        devstack = DevstackResource.devstack().quarkusProperties();
        for (int n = 1; n <= 3; n++) {
            // awaitStarted reads these logs: an earlier run's must not count
            Files.deleteIfExists(log(n));
        }
        jdbcUrl = QueueWorkerDevstack.freshDatabase("kurashi_queue_worker_it", true);

        Process first = start(1);
        awaitStarted(1);
        workers.add(start(2));
        awaitStarted(2);

        String suffix = TestData.suffix();
        String email = "it-" + suffix + "@example.invalid";
        String token = "it" + UUID.randomUUID().toString().replace("-", "");
        List<UUID> events = writeEvents(suffix, email, token);
        long written = System.nanoTime();

        // SIGKILL worker 1 once a third of the events are done, then start it again
        await("a third of the mails sent", () -> sent("mail") >= EVENTS / 3);
        first.destroyForcibly().waitFor();
        workers.remove(first);
        System.out.printf("worker 1 SIGKILLed after %d mails%n", sent("mail"));
        Process restarted = start(1);
        awaitStarted(1);

        await("every mail and push SENT", () -> sent("mail") == EVENTS && sent("apns") == EVENTS);
        await("every event processed", () -> processed() == EVENTS);
        long seconds = Duration.ofNanos(System.nanoTime() - written).toSeconds();

        Set<String> expectedMail = new HashSet<>();
        Set<String> expectedPush = new HashSet<>();
        for (UUID event : events) {
            expectedMail.add(Dedupe.id(event, "mail", email));
            expectedPush.add(Dedupe.id(event, "apns", token));
        }
        List<String> mails = mailDedupeIds(email);
        List<String> pushes = pushDedupeIds(token);
        Set<String> distinctMails = new HashSet<>(mails);
        Set<String> distinctPushes = new HashSet<>(pushes);
        System.out.printf(
                "%d events in %d s: mails %d raw / %d distinct, pushes %d raw / %d distinct; unsent outbox rows %d%n",
                EVENTS, seconds, mails.size(), distinctMails.size(), pushes.size(), distinctPushes.size(), unsent());
        assertThat(distinctMails).isEqualTo(expectedMail);
        assertThat(distinctPushes).isEqualTo(expectedPush);
        assertThat(unsent()).isZero();
        // only the sends in flight in the killed worker (at most its 10 handlers) may have gone out twice
        assertThat(mails.size() - distinctMails.size()).isLessThanOrEqualTo(10);
        assertThat(pushes.size() - distinctPushes.size()).isLessThanOrEqualTo(10);

        // SIGTERM: both workers stop receiving, finish in-flight work and exit within the stop timeout
        for (Process worker : List.copyOf(workers)) {
            worker.destroy();
        }
        for (Process worker : List.copyOf(workers)) {
            assertThat(worker.waitFor(25, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(log(1))).contains("Consumers stopped");
        assertThat(Files.readString(log(2))).contains("Consumers stopped");
        assertThat(restarted.isAlive()).isFalse();

        // the one-off command of the same jar redrives a DLQ and exits
        Process redrive = command(3, "redrive", "kurashi-notifications");
        assertThat(redrive.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(redrive.exitValue()).isZero();
        assertThat(Files.readString(log(3))).contains("redrive kurashi-notifications: moved");
    }

    private List<UUID> writeEvents(String suffix, String email, String token) throws SQLException {
        List<UUID> events = new ArrayList<>();
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            long customer;
            String slug = "test-it-" + suffix;
            String sku = "TEST-IT-" + suffix.toUpperCase();
            try (Statement sql = db.createStatement()) {
                sql.execute("INSERT INTO categories (slug, name) VALUES ('" + slug + "', 'IT')");
                sql.execute("INSERT INTO products (slug, name, brand, description, category_id, tax_rate)"
                        + " SELECT '" + slug + "', 'リネンのクロス', 'Kurashi', 'it', id, 10 FROM categories"
                        + " WHERE slug = '" + slug + "'");
                sql.execute("INSERT INTO skus (code, product_id, label, price_jpy) SELECT '" + sku
                        + "', id, '標準', 2200 FROM products WHERE slug = '" + slug + "'");
                ResultSet rs = sql.executeQuery("INSERT INTO customers (cognito_sub, email, display_name)"
                        + " VALUES ('it-" + suffix + "', '" + email + "', 'IT') RETURNING id");
                rs.next();
                customer = rs.getLong(1);
                sql.execute("INSERT INTO favorites (customer_id, product_id) SELECT " + customer
                        + ", id FROM products WHERE slug = '" + slug + "'");
                sql.execute("INSERT INTO devices (token, customer_id, platform) VALUES ('" + token + "', " + customer
                        + ", 'ios')");
            }
            db.commit();
            long restockBase = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO outbox"
                    + " (event_id, event_type, aggregate_type, aggregate_id, payload)"
                    + " VALUES (?, 'StockReplenished', 'sku', ?, ?::jsonb)")) {
                for (int i = 0; i < EVENTS; i++) {
                    UUID event = UUID.randomUUID();
                    events.add(event);
                    insert.setObject(1, event);
                    insert.setString(2, sku);
                    insert.setString(
                            3,
                            "{\"sku\":\"" + sku + "\",\"productSlug\":\"" + slug + "\",\"quantity\":1,\"restockId\":"
                                    + (restockBase + i) + "}");
                    insert.addBatch();
                    if (i % 500 == 499) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
        }
        return events;
    }

    private Process start(int n) throws IOException {
        Process worker = command(n);
        workers.add(worker);
        return worker;
    }

    /** The packaged jar in the dev profile, pointed at the devstack and this test's database. */
    private Process command(int n, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dquarkus.profile=dev"));
        Map<String, String> properties = new HashMap<>(devstack);
        properties.put("quarkus.datasource.jdbc.url", jdbcUrl);
        properties.put("quarkus.http.port", Integer.toString(port(n)));
        properties.put("quarkus.log.console.json.enabled", "false");
        properties.put("kurashi.consumers.wait-time", "1s");
        properties.put("kurashi.consumers.visibility-timeout", "6s");
        properties.put("kurashi.consumers.retry-backoff", "1s");
        properties.put("kurashi.consumers.max-retry-backoff", "2s");
        properties.put("kurashi.notification.send-lease", "5s");
        properties.forEach((key, value) -> command.add("-D%dev." + key + "=" + value));
        command.add("-jar");
        command.add(Path.of("target", "quarkus-app", "quarkus-run.jar")
                .toAbsolutePath()
                .toString());
        command.addAll(List.of(args));
        Files.createDirectories(log(n).getParent());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(n).toFile()))
                .start();
    }

    private static final Map<Integer, Integer> PORTS = new HashMap<>();

    private static synchronized int port(int n) throws IOException {
        if (!PORTS.containsKey(n)) {
            try (ServerSocket socket = new ServerSocket(0)) {
                PORTS.put(n, socket.getLocalPort());
            }
        }
        return PORTS.get(n);
    }

    private static Path log(int n) {
        return Path.of("target", "it", "worker-" + n + ".log").toAbsolutePath();
    }

    private void awaitStarted(int n) {
        await("worker " + n + " started", () -> {
            try {
                return Files.exists(log(n)) && Files.readString(log(n)).contains("started in");
            } catch (IOException e) {
                return false;
            }
        });
    }

    private long sent(String channel) {
        return count("SELECT count(*) FROM notification_sends WHERE channel = '" + channel + "' AND status = 'SENT'");
    }

    private long processed() {
        return count("SELECT count(*) FROM processed_messages WHERE consumer = 'notifications:StockReplenished'");
    }

    private long unsent() {
        return count("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
    }

    private long count(String query) {
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                jdbcUrl, devstack.get("quarkus.datasource.username"), devstack.get("quarkus.datasource.password"));
    }

    private static List<String> mailDedupeIds(String email) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode record : JSON.readTree(Devstack.mail())) {
            JsonNode body = record.path("body");
            if (email.equals(
                    body.path("Destination").path("ToAddresses").path(0).asText())) {
                for (JsonNode tag : body.path("EmailTags")) {
                    if (tag.path("Name").asText().equals("dedupe-id")) {
                        ids.add(tag.path("Value").asText());
                    }
                }
            }
        }
        return ids;
    }

    private static List<String> pushDedupeIds(String token) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode record : JSON.readTree(Devstack.push())) {
            for (JsonNode notification : record.path("body")) {
                if (token.equals(notification.path("token").asText())) {
                    ids.add(notification.path("header").path("apns-collapse-id").asText());
                }
            }
        }
        return ids;
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        Eventually.await(what, WITHIN, condition::getAsBoolean, done -> done);
    }
}
