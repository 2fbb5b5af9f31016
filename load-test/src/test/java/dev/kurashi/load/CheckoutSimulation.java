package dev.kurashi.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Buyers placing orders with an {@code Idempotency-Key}: each of {@code users} buyers (default 16) puts one unit
 * of a SKU in the cart and checks out, again and again for {@code duration} seconds; one order in twenty is sent
 * twice with the same key and must be replayed, not placed again. {@code -Dhot=true} sends every buyer to ONE
 * SKU (a sale); otherwise buyers spread over {@code skus} SKUs (default 40). Stock is set to {@code stock} units
 * first (staff API), so a run measures orders rather than sold-out answers; the no-oversell guarantee is proven by
 * the concurrency tests, not here.
 */
public class CheckoutSimulation extends Simulation {

    static final String BODY = "{\"shippingAddress\":{\"name\":\"山田 花子\",\"postalCode\":\"150-0001\","
            + "\"prefecture\":\"東京都\",\"city\":\"渋谷区神宮前\",\"line1\":\"1-2-3\",\"phone\":\"03-1234-5678\"},"
            + "\"payment\":{\"method\":\"card\",\"cardToken\":\"tok_visa\"}}";

    final boolean hot = Boolean.getBoolean("hot");
    final int users = Target.intProperty("users", 16);
    final List<String> skus = Fixture.skus(hot ? 1 : Target.intProperty("skus", 40));
    final List<String> tokens = IntStream.range(0, users)
            .mapToObj(i -> Fixture.token("load-buyer-" + i, false))
            .toList();

    /** Response times of the placed (201, not replayed) orders, for the orders/s and percentiles printed at the end. */
    final Queue<Integer> placed = new ConcurrentLinkedQueue<>();

    long startedAt;

    @Override
    public void before() {
        Fixture.stockUp(skus, Target.intProperty("stock", 1_000_000));
        startedAt = System.nanoTime();
    }

    @Override
    public void after() {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        List<Integer> times = placed.stream().sorted().toList();
        System.out.printf(
                "ORDERS placed: %d in %.1f s = %.1f orders/s; place-order p50 %d ms, p99 %d ms (%d buyers, %s)%n",
                times.size(),
                seconds,
                times.size() / seconds,
                percentile(times, 0.50),
                percentile(times, 0.99),
                users,
                hot ? "one hot SKU " + skus.getFirst() : skus.size() + " SKUs");
    }

    static int percentile(List<Integer> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    final ScenarioBuilder checkout = scenario(hot ? "checkout, one hot SKU" : "checkout, " + skus.size() + " SKUs")
            .exec(session -> session.set("token", tokens.get((int) (session.userId() % tokens.size()))))
            .during(Target.seconds("duration", 30))
            .on(exec(session -> session.set(
                                    "sku", skus.get(ThreadLocalRandom.current().nextInt(skus.size())))
                            .set("key", UUID.randomUUID().toString()))
                    .exec(http("put in cart")
                            .put("/api/v1/cart/items/#{sku}")
                            .header("Authorization", "Bearer #{token}")
                            .header("Content-Type", "application/json")
                            .body(StringBody("{\"quantity\":1}"))
                            .check(status().is(200)))
                    .exec(http("place order")
                            .post("/api/v1/orders")
                            .header("Authorization", "Bearer #{token}")
                            .header("Idempotency-Key", "#{key}")
                            .header("Content-Type", "application/json")
                            .body(StringBody(BODY))
                            .check(status().is(201), responseTimeInMillis().saveAs("placedIn")))
                    .exec(session -> {
                        if (session.contains("placedIn")) {
                            placed.add(session.getInt("placedIn"));
                        }
                        return session.remove("placedIn");
                    })
                    .doIf(session -> ThreadLocalRandom.current().nextInt(20) == 0)
                    .then(exec(http("replay order")
                            .post("/api/v1/orders")
                            .header("Authorization", "Bearer #{token}")
                            .header("Idempotency-Key", "#{key}")
                            .header("Content-Type", "application/json")
                            .body(StringBody(BODY))
                            .check(status().is(201), header("Idempotent-Replayed").is("true")))));

    {
        setUp(checkout.injectOpen(atOnceUsers(users)))
                .protocols(Target.protocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
