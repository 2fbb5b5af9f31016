package dev.kurashi.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The mobile app after a push to every user: a signed-in user opens the app (categories, new products, the
 * reading feed), taps a product and looks at the cart. Open model; tokens of {@code users} distinct app users.
 */
public class MobileApiSimulation extends Simulation {

    final List<String> slugs = Fixture.productSlugs(200);
    final List<String> tokens = IntStream.range(0, Target.intProperty("users", 50))
            .mapToObj(i -> Fixture.token("load-app-user-" + i, false))
            .toList();

    final Iterator<Map<String, Object>> users = Stream.generate(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                return Map.<String, Object>of(
                        "slug", slugs.get(random.nextInt(slugs.size())),
                        "token", tokens.get(random.nextInt(tokens.size())));
            })
            .iterator();

    final ScenarioBuilder app = scenario("mobile app")
            .feed(users)
            .exec(http("categories").get("/api/v1/categories").check(status().is(200)))
            .exec(http("products").get("/api/v1/products?limit=20").check(status().is(200)))
            .exec(http("articles").get("/api/v1/articles?limit=10").check(status().is(200)))
            .exec(http("product").get("/api/v1/products/#{slug}").check(status().is(200)))
            .exec(http("cart")
                    .get("/api/v1/cart")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200)));

    {
        int rate = Target.intProperty("rate", 40);
        setUp(app.injectOpen(
                        rampUsersPerSec(1).to(rate).during(Target.seconds("ramp", 10)),
                        constantUsersPerSec(rate).during(Target.seconds("duration", 30))))
                .protocols(Target.protocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
