package dev.kurashi.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.List;
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

    @Override
    public void before() {
        Fixture.stockUp(skus, Target.intProperty("stock", 1_000_000));
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
                            .check(status().is(201)))
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
