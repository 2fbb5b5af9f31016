package dev.kurashi.shop.order;

import static dev.kurashi.shop.order.ShopFixtures.checkoutBody;
import static dev.kurashi.shop.order.ShopFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No oversell and no deadlock: 200 distinct customers check out at once, through HTTP against the real
 * database, for SKUs with 20 units each.
 */
@QuarkusTest
class CheckoutConcurrencyTest {

    private static final int BUYERS = 200;
    private static final int STOCK = 20;
    private static final int THREADS = 32;
    /** Every request of a run must be answered within this (no request may hang on a lock). */
    private static final long BOUND_SECONDS = 120;

    @TestHTTPResource("/")
    URI base;

    @Inject
    ShopFixtures fixtures;

    ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    record Outcome(int status, String body, long millis) {}

    @Test
    void twoHundredBuyersForTwentyUnitsMakeExactlyTwentyOrders() throws Exception {
        String sku = fixtures.product("tableware", 10, 1100, STOCK).sku();
        List<String> tokens = buyers("one");
        prepareCarts(tokens, i -> List.of(sku));

        List<Outcome> outcomes = checkoutAll(tokens, "1 SKU");

        assertOutcomes(outcomes, List.of(sku));
        assertEquals(0, fixtures.onHand(sku));
        assertEquals(STOCK, fixtures.ordersWith(sku));
    }

    @Test
    void threeSkusPerOrderInEveryOrderNeverDeadlockNorOversell() throws Exception {
        List<String> skus = List.of(
                fixtures.product("tableware", 10, 1100, STOCK).sku(),
                fixtures.product("coffee-tea", 8, 1080, STOCK).sku(),
                fixtures.product("textiles", 10, 2200, STOCK).sku());
        List<String> tokens = buyers("three");
        // each customer adds the three SKUs in one of the six orders
        List<List<String>> permutations = permutations(skus);
        prepareCarts(tokens, i -> permutations.get(i % permutations.size()));

        List<Outcome> outcomes = checkoutAll(tokens, "3 SKUs");

        assertOutcomes(outcomes, skus);
        for (String sku : skus) {
            assertEquals(0, fixtures.onHand(sku), sku);
            assertEquals(STOCK, fixtures.ordersWith(sku), sku);
        }
    }

    private void assertOutcomes(List<Outcome> outcomes, List<String> skus) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        outcomes.forEach(o -> byStatus.merge(o.status(), 1, Integer::sum));
        assertEquals(Map.of(201, STOCK, 409, BUYERS - STOCK), byStatus, byStatus::toString);
        for (Outcome outcome : outcomes) {
            if (outcome.status() == 409) {
                assertTrue(outcome.body().contains("\"unavailable\""), outcome.body());
                assertTrue(skus.stream().anyMatch(outcome.body()::contains), outcome.body());
            } else {
                assertTrue(outcome.body().contains("\"status\":\"PAID\""), outcome.body());
            }
        }
    }

    private List<String> buyers(String run) throws Exception {
        String suffix = ShopFixtures.unique();
        return runAll(IntStream.range(0, BUYERS)
                .mapToObj(
                        i -> (Callable<String>) () -> ShopFixtures.token("test-buyer-" + run + "-" + suffix + "-" + i))
                .toList());
    }

    private void prepareCarts(List<String> tokens, java.util.function.IntFunction<List<String>> skusOf)
            throws Exception {
        List<Callable<Integer>> puts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            List<String> skus = skusOf.apply(i);
            puts.add(() -> {
                for (String sku : skus) {
                    HttpResponse<String> response =
                            send(base, "PUT", "/api/v1/cart/items/" + sku, token, "{\"quantity\":1}");
                    assertEquals(200, response.statusCode(), response.body());
                }
                return 0;
            });
        }
        runAll(puts);
    }

    private List<Outcome> checkoutAll(List<String> tokens, String label) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Outcome>> checkouts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String key = "checkout-" + i;
            checkouts.add(() -> {
                start.await();
                long begin = System.nanoTime();
                HttpResponse<String> response = send(
                        base,
                        "POST",
                        "/api/v1/orders",
                        token,
                        checkoutBody("card", "tok_visa"),
                        "Idempotency-Key",
                        key);
                return new Outcome(
                        response.statusCode(),
                        response.body(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            });
        }
        List<Future<Outcome>> futures = checkouts.stream().map(pool::submit).toList();
        long begin = System.nanoTime();
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            long left = BOUND_SECONDS * 1000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            outcomes.add(future.get(Math.max(left, 1), TimeUnit.MILLISECONDS));
        }
        long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        List<Long> latencies =
                new ArrayList<>(outcomes.stream().map(Outcome::millis).toList());
        Collections.sort(latencies);
        System.out.printf(
                "CHECKOUT-LOAD %s: %d requests on %d threads: total %d ms, latency median %d ms, p95 %d ms, max %d ms%n",
                label,
                outcomes.size(),
                THREADS,
                total,
                latencies.get(latencies.size() / 2),
                latencies.get(latencies.size() * 95 / 100),
                latencies.getLast());
        return outcomes;
    }

    private <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : pool.invokeAll(tasks, BOUND_SECONDS, TimeUnit.SECONDS)) {
            results.add(future.get());
        }
        return results;
    }

    private static List<List<String>> permutations(List<String> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<String>> result = new ArrayList<>();
        for (String first : items) {
            List<String> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<String> tail : permutations(rest)) {
                List<String> permutation = new ArrayList<>();
                permutation.add(first);
                permutation.addAll(tail);
                result.add(permutation);
            }
        }
        return result;
    }
}
