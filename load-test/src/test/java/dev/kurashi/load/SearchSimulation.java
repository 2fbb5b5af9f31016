package dev.kurashi.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Searches in Japanese, English and the width variants phones type (full-width Latin, half-width katakana), from
 * the API and from the search page. Open model.
 */
public class SearchSimulation extends Simulation {

    static final List<String> QUERIES = List.of(
            "マグ", "マグカップ", "リネン", "白樺", "ブランケット", "mug", "linen", "birch", "ｍｕｇ", "ＬＩＮＥＮ", "ﾏｸﾞ",
            "ﾘﾈﾝ");

    final Iterator<Map<String, Object>> queries = Stream.generate(() -> Map.<String, Object>of(
                    "q",
                    URLEncoder.encode(
                            QUERIES.get(ThreadLocalRandom.current().nextInt(QUERIES.size())), StandardCharsets.UTF_8)))
            .iterator();

    final ScenarioBuilder search = scenario("search")
            .feed(queries)
            .exec(http("search API").get("/api/v1/search?q=#{q}").check(status().is(200)))
            .exec(http("search page").get("/search?q=#{q}").check(status().is(200)));

    {
        int rate = Target.intProperty("rate", 40);
        setUp(search.injectOpen(
                        rampUsersPerSec(1).to(rate).during(Target.seconds("ramp", 10)),
                        constantUsersPerSec(rate).during(Target.seconds("duration", 30))))
                .protocols(Target.protocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
