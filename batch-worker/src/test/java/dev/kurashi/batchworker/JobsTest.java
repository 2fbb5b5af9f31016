package dev.kurashi.batchworker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.search.ProductIndexService;
import dev.kurashi.search.SearchService;
import dev.kurashi.search.SearchType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/**
 * Each job's effect on the real database (and OpenSearch), run through {@code run <job>} as a one-off task does,
 * twice where a second run must change nothing.
 */
@QuarkusTest
class JobsTest {

    @Inject
    RunCommand command;

    @Inject
    JobRunner runner;

    @Inject
    Fixtures db;

    @Inject
    SearchService search;

    @Inject
    ProductIndexService productIndex;

    @Inject
    RestClient opensearch;

    record Result(int status, String out, String err) {}

    Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = command.execute(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Status and detail of the newest execution of a job. */
    List<Object> lastExecution(String job) {
        Object[] row = (Object[]) db.single(
                "SELECT status, detail, node FROM job_executions WHERE job = ?1 ORDER BY id DESC LIMIT 1", job);
        return List.of(row[0], row[1] == null ? "" : row[1], row[2]);
    }

    @Test
    void konbiniExpiryCancelsOnceReturnsStockAndWritesOneEvent() {
        long customer = db.customer();
        long sku = db.product("test-konbini-" + Fixtures.suffix(), "コンビニテスト", 10, 5);
        Instant now = Instant.now();
        int[][] tax = {{10, 2000, 181}};
        UUID expired = db.order(
                customer,
                "PENDING_PAYMENT",
                "konbini",
                now.minusSeconds(3600),
                now.minusSeconds(4 * 86400),
                sku,
                2,
                tax);
        UUID notYet = db.order(customer, "PENDING_PAYMENT", "konbini", now.plusSeconds(3600), now, sku, 1, tax);
        UUID paid =
                db.order(customer, "PAID", "konbini", now.minusSeconds(3600), now.minusSeconds(4 * 86400), sku, 1, tax);

        Result first = run("run", "konbini-expiry");
        assertEquals(0, first.status(), first.err());
        assertEquals(
                List.of("SUCCEEDED", "cancelled=1"),
                lastExecution("konbini-expiry").subList(0, 2));
        Result second = run("run", "konbini-expiry");
        assertEquals(0, second.status(), second.err());
        assertEquals(
                List.of("SUCCEEDED", "cancelled=0"),
                lastExecution("konbini-expiry").subList(0, 2));

        assertEquals("CANCELLED", db.single("SELECT status FROM orders WHERE id = ?1", expired));
        assertEquals("PENDING_PAYMENT", db.single("SELECT status FROM orders WHERE id = ?1", notYet));
        assertEquals("PAID", db.single("SELECT status FROM orders WHERE id = ?1", paid));
        assertEquals(7, ((Number) db.single("SELECT on_hand FROM stock WHERE sku_id = ?1", sku)).intValue());
        List<Object> events = db.list(
                "SELECT payload ->> 'reason' FROM outbox WHERE aggregate_id = ?1 AND event_type = 'OrderCancelled'",
                expired.toString());
        assertEquals(List.of("KONBINI_PAYMENT_EXPIRED"), events);
    }

    @Test
    void cartReminderOncePerCartChange() {
        long sku = db.product("test-cart-" + Fixtures.suffix(), "カートテスト", 10, 5);
        Instant now = Instant.now();
        long abandoned = db.cart(db.customer(), now.minus(Duration.ofHours(25)), null, sku);
        long recent = db.cart(db.customer(), now.minus(Duration.ofHours(1)), null, sku);
        long empty = db.cart(db.customer(), now.minus(Duration.ofHours(25)), null, null);
        long alreadyReminded =
                db.cart(db.customer(), now.minus(Duration.ofHours(50)), now.minus(Duration.ofHours(20)), sku);

        assertEquals(0, run("run", "cart-reminder").status());
        assertEquals(0, run("run", "cart-reminder").status());
        assertEquals(1, reminders(abandoned));
        assertEquals(0, reminders(recent) + reminders(empty) + reminders(alreadyReminded));
        assertTrue(db.single("SELECT reminded_at FROM carts WHERE id = ?1", abandoned) != null);

        // the customer changes the cart (which resets reminded_at) and leaves it again for a day
        db.execute(
                "UPDATE carts SET updated_at = ?1, reminded_at = NULL WHERE id = ?2",
                now.minus(Duration.ofHours(26)),
                abandoned);
        assertEquals(0, run("run", "cart-reminder").status());
        assertEquals(0, run("run", "cart-reminder").status());
        assertEquals(2, reminders(abandoned));
    }

    private int reminders(long cart) {
        return ((Number) db.single(
                        "SELECT count(*) FROM outbox WHERE aggregate_type = 'cart' AND aggregate_id = ?1"
                                + " AND event_type = 'CartAbandoned'",
                        Long.toString(cart)))
                .intValue();
    }

    @Test
    void salesReportPerDayAndTaxRateStoredAndCsv() throws IOException {
        long customer = db.customer();
        long sku = db.product("test-sales-" + Fixtures.suffix(), "売上テスト", 10, 100);
        // 2020-01-15 in Asia/Tokyo is [2020-01-14T15:00Z, 2020-01-15T15:00Z)
        Instant morning = Instant.parse("2020-01-14T15:00:00Z");
        Instant lateEvening = Instant.parse("2020-01-15T14:30:00Z");
        Instant nextDay = Instant.parse("2020-01-15T15:10:00Z");
        db.order(customer, "PAID", "card", null, morning, sku, 1, new int[][] {{10, 3300, 300}, {8, 1080, 80}});
        db.order(customer, "SHIPPED", "card", null, morning.plusSeconds(60), sku, 1, new int[][] {{10, 5500, 500}});
        db.order(customer, "PENDING_PAYMENT", "konbini", nextDay, lateEvening, sku, 1, new int[][] {{10, 2200, 200}});
        db.order(customer, "CANCELLED", "card", null, morning.plusSeconds(120), sku, 1, new int[][] {{10, 1100, 100}});
        db.order(customer, "PAID", "card", null, nextDay, sku, 1, new int[][] {{10, 9900, 900}});

        Result printed = run("run", "sales-report", "--day", "2020-01-15");
        assertEquals(0, printed.status(), printed.err());
        String expected = "day,tax_rate,orders,net_jpy,tax_jpy,gross_jpy\r\n"
                + "2020-01-15,10,3,10000,1000,11000\r\n"
                + "2020-01-15,8,1,1000,80,1080\r\n";
        assertEquals(expected, printed.out());

        Path file = Files.createTempFile("sales", ".csv");
        Result written = run("run", "sales-report", "--day", "2020-01-15", "--out", file.toString());
        assertEquals(0, written.status(), written.err());
        assertEquals(expected, Files.readString(file));
        assertEquals("", written.out());
        assertEquals(
                List.of(2L, 4L, 11000L + 1080L),
                List.of(
                        ((Number) db.single("SELECT count(*) FROM daily_sales_reports WHERE day = DATE '2020-01-15'"))
                                .longValue(),
                        ((Number) db.single(
                                        "SELECT sum(orders) FROM daily_sales_reports WHERE day = DATE '2020-01-15'"))
                                .longValue(),
                        ((Number) db.single(
                                        "SELECT sum(gross_jpy) FROM daily_sales_reports WHERE day = DATE '2020-01-15'"))
                                .longValue()));
        assertTrue(((String) lastExecution("sales-report").get(1)).startsWith("day=2020-01-15 rates=2"));
    }

    @Test
    void runAnswersUsageAndFailureStatuses() {
        assertEquals(2, run().status());
        assertEquals(2, run("run").status());
        assertEquals(2, run("run", "no-such-job").status());
        assertEquals(2, run("run", "sales-report", "--day", "yesterday").status());
        assertEquals(2, run("run", "prune", "--day", "2020-01-01").status());
        Result usage = run("run", "sales-report", "--day");
        assertEquals(2, usage.status());
        assertTrue(usage.err().contains("sales-report [--day …] [--out …]"), usage.err());

        Result failed = run("run", "sales-report", "--day", "2020-01-15", "--out", "/nonexistent-dir/sales.csv");
        assertEquals(1, failed.status());
        List<Object> row = lastExecution("sales-report");
        assertEquals("FAILED", row.get(0));
        assertTrue(((String) row.get(1)).startsWith("failed: /nonexistent-dir/sales.csv"), (String) row.get(1));
        assertTrue(((String) row.get(2)).startsWith("cli@"), (String) row.get(2));
    }

    @Test
    void pruneDeletesOnlyRowsPastTheirRetention() {
        Instant now = Instant.now();
        String tag = Fixtures.suffix();
        String insertOutbox = "INSERT INTO outbox (event_id, event_type, aggregate_type, aggregate_id, payload,"
                + " created_at, sent_at) VALUES (?1, 'Test', 'test', ?2, '{}'::jsonb, ?3, ?4)";
        db.execute(
                insertOutbox,
                UUID.randomUUID(),
                tag + "-old-sent",
                now.minus(Duration.ofDays(11)),
                now.minus(Duration.ofDays(10)));
        db.execute(
                insertOutbox,
                UUID.randomUUID(),
                tag + "-new-sent",
                now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(1)));
        db.execute(
                "INSERT INTO outbox (event_id, event_type, aggregate_type, aggregate_id, payload, created_at)"
                        + " VALUES (?1, 'Test', 'test', ?2, '{}'::jsonb, ?3)",
                UUID.randomUUID(),
                tag + "-old-unsent",
                now.minus(Duration.ofDays(30)));
        String insertProcessed =
                "INSERT INTO processed_messages (consumer, message_id, processed_at) VALUES ('test', ?1, ?2)";
        db.execute(insertProcessed, tag + "-old", now.minus(Duration.ofDays(30)));
        db.execute(insertProcessed, tag + "-new", now.minus(Duration.ofDays(1)));
        long customer = db.customer();
        String insertKey = "INSERT INTO idempotency_keys (customer_id, idem_key, request_hash, state, created_at)"
                + " VALUES (?1, ?2, 'h', 'IN_FLIGHT', ?3)";
        db.execute(insertKey, customer, tag + "-old", now.minus(Duration.ofDays(10)));
        db.execute(insertKey, customer, tag + "-new", now.minus(Duration.ofHours(1)));

        assertEquals(0, run("run", "prune").status());
        assertEquals(0, run("run", "prune").status());

        assertEquals(
                List.of(tag + "-new-sent", tag + "-old-unsent"),
                db.list("SELECT aggregate_id FROM outbox WHERE aggregate_id LIKE ?1 ORDER BY aggregate_id", tag + "%"));
        assertEquals(
                List.of(tag + "-new"),
                db.list("SELECT message_id FROM processed_messages WHERE message_id LIKE ?1", tag + "%"));
        assertEquals(
                List.of(tag + "-new"),
                db.list("SELECT idem_key FROM idempotency_keys WHERE idem_key LIKE ?1", tag + "%"));
    }

    @Test
    void runsOfDeadNodesAreMarkedAbandoned() {
        String tag = Fixtures.suffix();
        long gone = ((Number) db.single(
                        "INSERT INTO job_executions (job, node, fire_instance_id, started_at) VALUES ('probe', 'dead-node', ?1, now())"
                                + " RETURNING id",
                        "dead-node-" + tag))
                .longValue();
        long alive = ((Number) db.single(
                        "INSERT INTO job_executions (job, node, fire_instance_id, started_at) VALUES ('probe', 'live-node', ?1, now())"
                                + " RETURNING id",
                        "live-node-" + tag))
                .longValue();
        long oneOffStuck = ((Number) db.single(
                        "INSERT INTO job_executions (job, node, started_at) VALUES ('prune', 'cli@gone', now() - interval '2 days')"
                                + " RETURNING id"))
                .longValue();
        db.execute(
                "INSERT INTO qrtz_fired_triggers (sched_name, entry_id, trigger_name, trigger_group, instance_name,"
                        + " fired_time, sched_time, priority, state) VALUES ('test', ?1, 'probe', 'kurashi', 'live-node', 0, 0, 5, 'EXECUTING')",
                "live-node-" + tag);
        try {
            runner.sweepAbandoned();
            assertEquals("ABANDONED", db.single("SELECT status FROM job_executions WHERE id = ?1", gone));
            assertTrue(db.single("SELECT finished_at FROM job_executions WHERE id = ?1", gone) != null);
            assertEquals("RUNNING", db.single("SELECT status FROM job_executions WHERE id = ?1", alive));
            assertEquals("ABANDONED", db.single("SELECT status FROM job_executions WHERE id = ?1", oneOffStuck));
        } finally {
            db.execute("DELETE FROM qrtz_fired_triggers WHERE entry_id = ?1", "live-node-" + tag);
            db.execute("DELETE FROM job_executions WHERE id IN (?1, ?2, ?3)", gone, alive, oneOffStuck);
        }
    }

    @Test
    void reindexUnderConcurrentSearches() throws Exception {
        String word = "reindexprobe" + Fixtures.suffix();
        db.product("test-reindex-" + Fixtures.suffix(), "北欧のマグ " + word, 10, 3);
        productIndex.rebuild();
        String before = aliasedIndex(BatchDatabase.PRODUCT_ALIAS);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger searches = new AtomicInteger();
        AtomicInteger degraded = new AtomicInteger();
        AtomicInteger misses = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> searchers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            searchers.add(pool.submit(() -> {
                while (!stop.get()) {
                    var result = search.search(word, SearchType.PRODUCT, 10, null);
                    searches.incrementAndGet();
                    if (result.degraded()) {
                        degraded.incrementAndGet();
                    }
                    if (result.products().stream().noneMatch(p -> p.name().contains(word))) {
                        misses.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        try {
            for (int i = 0; i < 3; i++) {
                Result reindex = run("run", "reindex");
                assertEquals(0, reindex.status(), reindex.err());
            }
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        for (Future<?> searcher : searchers) {
            searcher.get(); // rethrows any search error
        }
        System.out.printf(
                "reindex x3 under %d concurrent searches: %d degraded, %d without the product%n",
                searches.get(), degraded.get(), misses.get());
        assertTrue(searches.get() > 0);
        assertEquals(0, misses.get(), "a search missed the product during the reindex");
        assertEquals(0, degraded.get(), "a search fell back to SQL during the reindex");
        String after = aliasedIndex(BatchDatabase.PRODUCT_ALIAS);
        assertNotEquals(before, after);
        assertFalse(indexExists(before), "the replaced index " + before + " still exists");
        assertTrue(((String) lastExecution("reindex").get(1)).startsWith("products="));
    }

    private String aliasedIndex(String alias) throws IOException {
        var response = opensearch.performRequest(new Request("GET", "/_alias/" + alias));
        String body = new String(response.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
        var names =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).fieldNames();
        String index = names.next();
        assertFalse(names.hasNext(), "the alias points at more than one index: " + body);
        return index;
    }

    private boolean indexExists(String index) throws IOException {
        Request head = new Request("HEAD", "/" + index);
        head.addParameter("ignore", "404");
        return opensearch.performRequest(head).getStatusLine().getStatusCode() == 200;
    }
}
