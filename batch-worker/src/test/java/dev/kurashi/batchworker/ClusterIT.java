package dev.kurashi.batchworker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.devstack.client.DevstackResource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged batch-worker as it runs in ECS: two nodes (two processes) in one Quartz cluster on the batch test
 * database, firing the probe job every 200 ms. Each firing must run exactly once; a node killed with SIGKILL in
 * the middle of a firing must neither lose the firing nor leave the job stuck. Then {@code run <job>} exit
 * statuses, and that a one-off run never fires a scheduled job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final Path LOGS = Path.of("target", "cluster-it");
    static final long INTERVAL_MS = 200;

    static String jdbcUrl;
    static Map<String, Object> pg;
    static final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void database() throws IOException {
        var devstack = DevstackResource.devstack();
        jdbcUrl = BatchDatabase.jdbcUrl(devstack);
        pg = BatchDatabase.postgres();
        Files.createDirectories(LOGS);
    }

    @AfterAll
    static void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    static List<String> command(String node, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.profile=it",
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + pg.get("username"),
                "-Dquarkus.datasource.password=" + pg.get("password"),
                "-Dquarkus.flyway.migrate-at-start=true",
                "-Dquarkus.elasticsearch.hosts="
                        + hostPort((String) ((Map<?, ?>)
                                        DevstackResource.devstack().endpoints().get("opensearch"))
                                .get("url")),
                "-Dkurashi.search.product-alias=" + BatchDatabase.PRODUCT_ALIAS,
                "-Dkurashi.search.article-alias=" + BatchDatabase.ARTICLE_ALIAS,
                "-Dquarkus.http.port=0",
                "-Dquarkus.otel.sdk.disabled=true",
                "-Dquarkus.log.console.json.enabled=false",
                "-Dkurashi.node-name=" + node,
                "-Dkurashi.jobs.probe-interval=" + INTERVAL_MS + "ms",
                "-Dkurashi.jobs.probe-work=80ms",
                "-Dkurashi.jobs.schedule.reindex=off",
                "-Dkurashi.jobs.schedule.konbini-expiry=off",
                "-Dkurashi.jobs.schedule.cart-reminder=off",
                "-Dkurashi.jobs.schedule.sales-report=off",
                "-Dkurashi.jobs.schedule.prune=off",
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    static String hostPort(String url) {
        return url.replaceFirst("^https?://", "");
    }

    static Process node(String name) throws IOException {
        Process p = new ProcessBuilder(command(name))
                .redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(name + ".log").toFile())
                .start();
        started.add(p);
        return p;
    }

    record Cli(int status, String out) {}

    static Cli cli(String... args) throws Exception {
        File out = LOGS.resolve("cli-" + String.join("-", args).replaceAll("[^a-z0-9-]", "_") + ".out")
                .toFile();
        Process p = new ProcessBuilder(command("it-cli", args))
                .redirectError(LOGS.resolve("cli.log").toFile())
                .redirectOutput(out)
                .start();
        started.add(p);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "run " + String.join(" ", args) + " did not exit");
        return new Cli(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8));
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, (String) pg.get("username"), (String) pg.get("password"));
    }

    static long count(String sql, Object... params) {
        try (Connection c = db();
                var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            // the first node creates the tables: until then, nothing counts
            return 0;
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    @Order(1)
    void twoNodesFireEachFiringOnceAndSurviveAKilledNode() throws Exception {
        Process a = node("it-a");
        Process b = node("it-b");
        String succeeded = "SELECT count(*) FROM job_executions WHERE job = 'probe' AND status = 'SUCCEEDED'";
        await(
                "both nodes in the cluster",
                Duration.ofSeconds(90),
                () -> count("SELECT count(*) FROM qrtz_scheduler_state WHERE instance_name IN ('it-a', 'it-b')") == 2);
        Instant clusterUp = Instant.now();
        await("120 probe firings", Duration.ofSeconds(60), () -> count(succeeded) >= 120);
        Duration firingTime = Duration.between(clusterUp, Instant.now());

        // SIGKILL the node that is running a firing (Quartz keeps a frequent trigger on the node that holds it)
        Map<String, Object> cut = freshFiringRunning(Duration.ofSeconds(30));
        String victim = (String) cut.get("node");
        String survivor = victim.equals("it-a") ? "it-b" : "it-a";
        Process killed = victim.equals("it-a") ? a : b;
        Process b2 = victim.equals("it-a") ? b : a;
        killed.destroyForcibly();
        assertTrue(killed.waitFor(10, TimeUnit.SECONDS));
        Instant killedAt = Instant.now();
        long before = count(succeeded);
        long victimBefore = count(succeeded + " AND node = ?", victim);
        long survivorBefore = count(succeeded + " AND node = ?", survivor);

        await(
                "the cut-off firing marked ABANDONED",
                Duration.ofSeconds(60),
                () -> count("SELECT count(*) FROM job_executions WHERE id = ?", cut.get("id"))
                        == count(
                                "SELECT count(*) FROM job_executions WHERE id = ? AND status = 'ABANDONED'",
                                cut.get("id")));
        await(
                "the cut-off firing re-run on the survivor",
                Duration.ofSeconds(60),
                () -> count(
                                "SELECT count(*) FROM job_executions WHERE job = 'probe' AND node = ? AND status = 'SUCCEEDED'"
                                        + " AND scheduled_at = ? AND detail LIKE 'recovered firing%'",
                                survivor, cut.get("scheduled_at"))
                        == 1);
        await("30 more firings after the kill", Duration.ofSeconds(60), () -> count(succeeded) >= before + 30);
        Duration recovery = Duration.between(killedAt, Instant.now());
        b2.destroy();
        assertTrue(b2.waitFor(30, TimeUnit.SECONDS), "the surviving node did not stop on SIGTERM");

        // each scheduled time ran exactly once (a firing cut off by the kill may have completed on A just before
        // it died, so only its time may show twice) and no scheduled time between the first and last is missing
        Map<String, Long> perNode = new LinkedHashMap<>();
        long rows = 0;
        long distinct;
        long first;
        long last;
        long duplicated;
        try (Connection c = db();
                var st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT node, count(*) FROM job_executions WHERE job = 'probe'"
                    + " AND status = 'SUCCEEDED' GROUP BY node ORDER BY node")) {
                while (rs.next()) {
                    perNode.put(rs.getString(1), rs.getLong(2));
                    rows += rs.getLong(2);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT scheduled_at),"
                    + " (extract(epoch FROM min(scheduled_at)) * 1000)::bigint, (extract(epoch FROM max(scheduled_at)) * 1000)::bigint"
                    + " FROM job_executions WHERE job = 'probe' AND status = 'SUCCEEDED'")) {
                rs.next();
                distinct = rs.getLong(1);
                first = rs.getLong(2);
                last = rs.getLong(3);
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT scheduled_at FROM job_executions"
                    + " WHERE job = 'probe' AND status = 'SUCCEEDED' GROUP BY scheduled_at HAVING count(*) > 1) d")) {
                rs.next();
                duplicated = rs.getLong(1);
            }
        }
        long abandoned = count("SELECT count(*) FROM job_executions WHERE job = 'probe' AND status = 'ABANDONED'");
        long stillRunning = count("SELECT count(*) FROM job_executions WHERE job = 'probe' AND status = 'RUNNING'");
        System.out.printf(
                "cluster: %d probe firings (%d distinct scheduled times over %d ms, every %d ms) by node %s (before the kill: killed %s %d, survivor %s %d);"
                        + " 120 firings took %s; killed the node mid-firing (execution %s, scheduled %s);"
                        + " recovered and 30 more firings within %s; %d abandoned, %d duplicated times, %d left running%n",
                rows,
                distinct,
                last - first,
                INTERVAL_MS,
                perNode,
                victim,
                victimBefore,
                survivor,
                survivorBefore,
                firingTime,
                cut.get("id"),
                cut.get("scheduled_at"),
                recovery,
                abandoned,
                duplicated,
                stillRunning);
        // Quartz acquires a trigger ahead of its fire time, so a frequent trigger stays with the node that holds it;
        // the other node, polling the same store all along, never ran one of its firings and took over at the kill
        assertTrue(
                perNode.getOrDefault("it-a", 0L) > 0 && perNode.getOrDefault("it-b", 0L) > 0,
                "both nodes fired: " + perNode);
        assertTrue(duplicated <= 1, duplicated + " scheduled times ran more than once");
        assertEquals(rows, distinct + duplicated, "a scheduled time ran more than twice");
        assertEquals((last - first) / INTERVAL_MS + 1, distinct, "scheduled times are missing");
        assertEquals(1, abandoned);
        assertEquals(0, stillRunning);
    }

    /**
     * A firing that started less than 30 ms ago (by the database's clock) and so has most of its 80 ms of work
     * ahead: killing its node right away cuts it mid-job, whatever the scheduling noise on a busy machine.
     */
    private static Map<String, Object> freshFiringRunning(Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = db();
                var st = c.prepareStatement("SELECT id, scheduled_at, node FROM job_executions WHERE job = 'probe'"
                        + " AND status = 'RUNNING' AND started_at > clock_timestamp() - interval '30 milliseconds'"
                        + " ORDER BY id DESC LIMIT 1")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return Map.of(
                                "id", rs.getLong(1),
                                "scheduled_at", rs.getObject(2, java.time.OffsetDateTime.class),
                                "node", rs.getString(3));
                    }
                }
                Thread.sleep(2);
            }
        }
        throw new AssertionError("no probe firing started within " + timeout);
    }

    @Test
    @Order(2)
    void runExitsWithTheJobStatusAndNeverFiresScheduledJobs() throws Exception {
        assertEquals(2, cli("run").status());
        assertEquals(2, cli("run", "no-such-job").status());
        Cli report = cli("run", "sales-report", "--day", "2020-01-15");
        assertEquals(0, report.status());
        assertEquals("day,tax_rate,orders,net_jpy,tax_jpy,gross_jpy\r\n", report.out(), "stdout carries only the CSV");
        assertEquals(
                1,
                cli("run", "sales-report", "--day", "2020-01-15", "--out", "/nonexistent-dir/x.csv")
                        .status());
        assertEquals(
                2, count("SELECT count(*) FROM job_executions WHERE job = 'sales-report' AND node LIKE 'cli@it-cli'"));
        // the probe trigger (every 200 ms) is still in the store; a started scheduler would have fired it
        assertEquals(0, count("SELECT count(*) FROM job_executions WHERE job = 'probe' AND node LIKE '%it-cli%'"));
        assertEquals(0, count("SELECT count(*) FROM qrtz_scheduler_state WHERE instance_name = 'it-cli'"));
    }
}
