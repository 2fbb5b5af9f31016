package dev.kurashi.shop.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenSearch answering after 3 s (WireMock): the 800 ms timeout answers from SQL with {@code degraded: true}. */
@QuarkusTest
@TestProfile(SearchSlowEngineTest.SlowEngine.class)
class SearchSlowEngineTest {

    public static class SlowEngine implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kurashi.search.build-on-start", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SlowOpenSearch.class));
        }
    }

    public static class SlowOpenSearch implements QuarkusTestResourceLifecycleManager {
        private WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            server.stubFor(WireMock.any(WireMock.anyUrl())
                    .willReturn(WireMock.okJson("{\"hits\":{\"hits\":[]}}").withFixedDelay(3000)));
            return Map.of("quarkus.elasticsearch.hosts", "localhost:" + server.port());
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void timesOutAndAnswersFromSql() {
        // The first request pays for cold start (JIT, first queries) on a busy build machine; time the next one.
        given().queryParam("q", "mug").get("/api/v1/search").then().statusCode(200);
        long start = System.nanoTime();
        JsonPath body = given().queryParam("q", "ｍｕｇ")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(true, body.getBoolean("degraded"));
        assertTrue(body.<String>getList("products.slug").contains("mug-milk"));
        assertTrue(millis < 2800, "answered in " + millis + " ms, not after the engine's 3 s");
    }
}
