package dev.kurashi.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.common.DomainException;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The read cache's contract as ADR 1001 states it: fresh hits, invalidation, stale-if-error, the truth of a 404. */
class StaleIfErrorCacheTest {

    private final AtomicInteger loads = new AtomicInteger();
    private final List<StaleRead> staleReads = new ArrayList<>();

    private StaleIfErrorCache<String, String> cache(boolean enabled, long freshForMillis) {
        return new StaleIfErrorCache<>(
                "test", enabled, TimeUnit.MILLISECONDS.toNanos(freshForMillis), 100, staleReads::add);
    }

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    private static String databaseDown() {
        throw new PersistenceException("connection refused");
    }

    @Test
    void aFreshEntryIsAnsweredWithoutLoading() {
        var cache = cache(true, 60_000);
        assertEquals("v1", cache.get("k", () -> load("v1")));
        assertEquals("v1", cache.get("k", () -> load("v2")));
        assertEquals(1, loads.get());
    }

    @Test
    void invalidationMakesTheNextReadLoad() {
        var cache = cache(true, 60_000);
        cache.get("k", () -> load("v1"));
        cache.invalidateAll();
        assertEquals("v2", cache.get("k", () -> load("v2")));
        assertEquals("v2", cache.get("k", () -> load("v3")));
        assertEquals(2, loads.get());
    }

    @Test
    void anEntryOlderThanFreshForIsLoadedAgain() throws InterruptedException {
        var cache = cache(true, 20);
        cache.get("k", () -> load("v1"));
        Thread.sleep(40);
        assertEquals("v2", cache.get("k", () -> load("v2")));
    }

    @Test
    void aFailingLoaderGetsTheStaleEntryEvenAfterAnInvalidation() {
        var cache = cache(true, 60_000);
        cache.get("k", () -> load("v1"));
        cache.invalidateAll();
        assertEquals("v1", cache.get("k", StaleIfErrorCacheTest::databaseDown));
        assertEquals("v1", cache.get("k", StaleIfErrorCacheTest::databaseDown));
        assertEquals(2, cache.staleServed());
        assertEquals(2, staleReads.size(), "each stale answer is announced, so it can be marked stale");
        assertEquals("test", staleReads.getFirst().cache());
        assertTrue(!staleReads.getFirst().age().isNegative());
        // once the database is back, the next read loads
        assertEquals("v2", cache.get("k", () -> load("v2")));
    }

    @Test
    void aFailingLoaderWithNothingCachedFails() {
        var cache = cache(true, 60_000);
        assertThrows(PersistenceException.class, () -> cache.get("k", StaleIfErrorCacheTest::databaseDown));
        assertEquals(0, cache.staleServed());
        assertTrue(staleReads.isEmpty());
    }

    @Test
    void aDomainAnswerIsTheTruthAndDropsTheEntry() {
        var cache = cache(true, 60_000);
        cache.get("k", () -> load("v1"));
        cache.invalidateAll();
        DomainException gone = DomainException.notFound("Product", "k");
        assertSame(
                gone,
                assertThrows(
                        DomainException.class,
                        () -> cache.get("k", () -> {
                            throw gone;
                        })));
        // no stale copy of a withdrawn product is left to answer later failures
        assertThrows(PersistenceException.class, () -> cache.get("k", StaleIfErrorCacheTest::databaseDown));
    }

    @Test
    void anEntryLoadedWhileAnInvalidationArrivedIsStale() {
        var cache = cache(true, 60_000);
        cache.get("k", () -> {
            cache.invalidateAll(); // the change commits while the old row is being read
            return load("old");
        });
        assertEquals("new", cache.get("k", () -> load("new")));
    }

    @Test
    void aDisabledCacheAlwaysLoads() {
        var cache = cache(false, 60_000);
        cache.get("k", () -> load("v1"));
        assertEquals("v2", cache.get("k", () -> load("v2")));
        assertThrows(PersistenceException.class, () -> cache.get("k", StaleIfErrorCacheTest::databaseDown));
        assertEquals(2, loads.get());
    }

    @Test
    void aValueTheCallerDoesNotKeepIsLoadedAgain() {
        var cache = cache(true, 60_000);
        assertEquals("degraded", cache.get("k", () -> load("degraded"), v -> !v.equals("degraded")));
        assertEquals("full", cache.get("k", () -> load("full"), v -> !v.equals("degraded")));
        assertEquals("full", cache.get("k", () -> load("other")));
        assertEquals(2, loads.get());
    }
}
