package dev.kurashi.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CredentialsCacheTest {

    private static final String SECRET = "kurashi/prod/database";
    private static final DatabaseCredentials A = new DatabaseCredentials("kurashi", "password-a");
    private static final DatabaseCredentials B = new DatabaseCredentials("kurashi", "password-b");
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock();
    private final CountingSource source = new CountingSource();
    private final CredentialsCache cache = new CredentialsCache(source, TTL, MIN_INTERVAL, clock);
    private final ExecutorService pool = Executors.newFixedThreadPool(20);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void reusesCredentialsUntilTheTtlExpires() {
        source.value.set(A);
        assertEquals(A, cache.get(SECRET));
        clock.advance(TTL.minusSeconds(1));
        assertEquals(A, cache.get(SECRET));
        assertEquals(1, source.calls.get());

        source.value.set(B);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(B, cache.get(SECRET));
        assertEquals(2, source.calls.get());
    }

    @Test
    void concurrentFirstReadsCallTheSourceOnce() throws Exception {
        source.value.set(A);
        source.gate = new CountDownLatch(1);
        List<Future<DatabaseCredentials>> results = runConcurrently(20, () -> cache.get(SECRET));
        TimeUnit.MILLISECONDS.sleep(200);
        source.gate.countDown();
        for (Future<DatabaseCredentials> result : results) {
            assertEquals(A, result.get(5, TimeUnit.SECONDS));
        }
        assertEquals(1, source.calls.get());
    }

    @Test
    void manyRejectionsOfTheSamePasswordReadTheSecretOnce() throws Exception {
        source.value.set(A);
        cache.get(SECRET);
        clock.advance(MIN_INTERVAL);
        source.value.set(B);
        source.gate = new CountDownLatch(1);

        List<Future<Optional<DatabaseCredentials>>> results =
                runConcurrently(20, () -> cache.refreshRejected(A.username(), A.password()));
        TimeUnit.MILLISECONDS.sleep(200);
        source.gate.countDown();
        for (Future<Optional<DatabaseCredentials>> result : results) {
            assertEquals(Optional.of(B), result.get(5, TimeUnit.SECONDS));
        }
        assertEquals(2, source.calls.get());
        assertEquals(B, cache.get(SECRET));
    }

    @Test
    void aRejectionRightAfterAReadDoesNotReadAgain() {
        source.value.set(A);
        cache.get(SECRET);
        assertEquals(Optional.empty(), cache.refreshRejected(A.username(), A.password()));
        assertEquals(1, source.calls.get());
    }

    @Test
    void aRejectionWhenTheSecretHoldsNothingNewerReturnsEmpty() {
        source.value.set(A);
        cache.get(SECRET);
        clock.advance(MIN_INTERVAL);
        assertEquals(Optional.empty(), cache.refreshRejected(A.username(), A.password()));
        assertEquals(2, source.calls.get());
    }

    @Test
    void credentialsNotFromAnySecretAreIgnored() {
        source.value.set(A);
        cache.get(SECRET);
        clock.advance(MIN_INTERVAL);
        assertEquals(Optional.empty(), cache.refreshRejected("someone", "else"));
        assertEquals(1, source.calls.get());
    }

    @Test
    void anUnreadableSecretFailsAndIsNotReadAgainWithinTheInterval() {
        source.failure.set(new SecretUnavailableException("secret 'x' not found"));
        assertThrows(SecretUnavailableException.class, () -> cache.get(SECRET));
        assertThrows(SecretUnavailableException.class, () -> cache.get(SECRET));
        assertEquals(1, source.calls.get());

        clock.advance(MIN_INTERVAL);
        source.failure.set(null);
        source.value.set(A);
        assertEquals(A, cache.get(SECRET));
        assertEquals(2, source.calls.get());
    }

    @Test
    void keepsServingExpiredCredentialsWhileTheSecretCannotBeRead() {
        source.value.set(A);
        cache.get(SECRET);
        clock.advance(TTL);
        source.failure.set(new SecretUnavailableException("throttled"));
        assertEquals(A, cache.get(SECRET));
        assertEquals(A, cache.get(SECRET));
        assertEquals(2, source.calls.get());

        clock.advance(MIN_INTERVAL);
        source.failure.set(null);
        source.value.set(B);
        assertEquals(B, cache.get(SECRET));
        assertEquals(3, source.calls.get());
    }

    private <T> List<Future<T>> runConcurrently(int threads, Callable<T> task) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        return results;
    }

    private static final class CountingSource implements Function<String, DatabaseCredentials> {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicReference<DatabaseCredentials> value = new AtomicReference<>();
        final AtomicReference<SecretUnavailableException> failure = new AtomicReference<>();
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public DatabaseCredentials apply(String secretId) {
            calls.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            SecretUnavailableException e = failure.get();
            if (e != null) {
                throw e;
            }
            return value.get();
        }
    }

    private static final class MutableClock implements InstantSource {
        private volatile Instant now = Instant.parse("2026-11-25T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }
}
