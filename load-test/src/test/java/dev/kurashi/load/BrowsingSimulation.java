package dev.kurashi.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A shopper from a push notification or a sale banner: home, a category, a product page and the product API the
 * page's script calls, then the first page of the catalog. Open model: {@code rate} new shoppers per second after
 * a ramp, whatever the response times (as a crowd arrives).
 */
public class BrowsingSimulation extends Simulation {

    static final List<String> CATEGORIES = List.of("tableware", "kitchen-tools", "textiles", "mugs-cups");

    final List<String> slugs = Fixture.productSlugs(200);

    final Iterator<Map<String, Object>> shoppers = Stream.generate(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                return Map.<String, Object>of(
                        "slug", slugs.get(random.nextInt(slugs.size())),
                        "category", CATEGORIES.get(random.nextInt(CATEGORIES.size())));
            })
            .iterator();

    final ScenarioBuilder browse = scenario("browsing")
            .feed(shoppers)
            .exec(http("home").get("/").check(status().is(200)))
            .exec(http("category page").get("/categories/#{category}").check(status().is(200)))
            .exec(http("product page").get("/products/#{slug}").check(status().is(200)))
            .exec(http("product API").get("/api/v1/products/#{slug}").check(status().is(200)))
            .exec(http("product list API").get("/api/v1/products?limit=20").check(status().is(200)));

    {
        int rate = Target.intProperty("rate", 40);
        setUp(browse.injectOpen(
                        rampUsersPerSec(1).to(rate).during(Target.seconds("ramp", 10)),
                        constantUsersPerSec(rate).during(Target.seconds("duration", 30))))
                .protocols(Target.protocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
