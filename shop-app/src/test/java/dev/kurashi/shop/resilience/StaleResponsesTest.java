package dev.kurashi.shop.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stale store's bounds and the classification of failures, without Quarkus. */
class StaleResponsesTest {

    private record Stale(int maxEntries, int maxBodyKib, int maxTotalMib) implements ResilienceConfig.Stale {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public List<String> paths() {
            return List.of("/", "/api/v1/products", "/products");
        }

        @Override
        public Duration maxAge() {
            return Duration.ofHours(1);
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-03T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void keepsOnlyTheCatalogPaths() {
        StaleResponses store = new StaleResponses(new Stale(10, 1, 1), Clock.systemUTC());
        assertTrue(store.keeps("/"));
        assertTrue(store.keeps("/api/v1/products"));
        assertTrue(store.keeps("/api/v1/products/mug"));
        assertTrue(store.keeps("/products/mug"));
        assertFalse(store.keeps("/api/v1/productsx"));
        assertFalse(store.keeps("/cart"));
        assertFalse(store.keeps("/api/v1/cart"));
    }

    @Test
    void boundedByEntriesBodySizeAndTotalBytesLeastRecentlyUsedFirst() {
        StaleResponses store = new StaleResponses(new Stale(3, 1, 1), Clock.systemUTC());
        store.put("a", new byte[10], "text/html");
        store.put("b", new byte[10], "text/html");
        store.put("c", new byte[10], "text/html");
        store.get("a"); // a is now the most recently used
        store.put("d", new byte[10], "text/html");
        assertTrue(store.get("a").isPresent());
        assertTrue(store.get("b").isEmpty(), "the least recently used answer stays after the 4th");
        assertEquals(3, store.size());
        store.put("big", new byte[1025], "text/html");
        assertTrue(store.get("big").isEmpty(), "an answer over the body limit is not kept");
        assertEquals(30, store.totalBytes());

        StaleResponses small = new StaleResponses(new Stale(1000, 1024, 1), Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            small.put("k" + i, new byte[400 * 1024], "application/json");
        }
        assertTrue(small.totalBytes() <= 1024 * 1024, "total bytes " + small.totalBytes());
        assertTrue(small.get("k4").isPresent());
        assertTrue(small.get("k0").isEmpty());
    }

    @Test
    void anAnswerTooOldIsNotServed() {
        MutableClock clock = new MutableClock();
        StaleResponses store = new StaleResponses(new Stale(10, 1, 1), clock);
        store.put("/products/mug", "<html>".getBytes(), "text/html");
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertEquals(3540, store.get("/products/mug").orElseThrow().ageSeconds(clock.now));
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertTrue(store.get("/products/mug").isEmpty());
    }

    @Test
    void classifiesDatabaseOutagesRefusedValuesAndBugs() {
        assertEquals(
                DependencyFailures.Kind.DATABASE_UNAVAILABLE,
                DependencyFailures.classify(new RuntimeException(
                        new SQLException("database \"kurashi\" is not currently accepting connections", "55000"))));
        assertEquals(
                DependencyFailures.Kind.DATABASE_UNAVAILABLE,
                DependencyFailures.classify(new SQLException("terminating connection", "57P01")));
        assertEquals(
                DependencyFailures.Kind.DATABASE_UNAVAILABLE,
                DependencyFailures.classify(new SQLException("Acquisition timeout while waiting for new connection")));
        assertEquals(
                DependencyFailures.Kind.DATABASE_UNAVAILABLE,
                DependencyFailures.classify(new IllegalStateException(new java.net.ConnectException("refused"))));
        assertEquals(
                DependencyFailures.Kind.REFUSED_DATA,
                DependencyFailures.classify(
                        new SQLException("invalid byte sequence for encoding UTF8: 0x00", "22021")));
        assertEquals(
                DependencyFailures.Kind.REFUSED_DATA,
                DependencyFailures.classify(new SQLException("index row size exceeds maximum", "54000")));
        assertEquals(
                DependencyFailures.Kind.OTHER,
                DependencyFailures.classify(new SQLException("currval not yet defined", "55000")));
        assertEquals(DependencyFailures.Kind.OTHER, DependencyFailures.classify(new NullPointerException()));
        // Seen in the db-failover drill: a commit on a terminated connection, the driver's error only suppressed.
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        assertEquals(
                DependencyFailures.Kind.DATABASE_UNAVAILABLE,
                DependencyFailures.classify(new IllegalStateException("Error invoking subclass method", rollback)));
    }
}
