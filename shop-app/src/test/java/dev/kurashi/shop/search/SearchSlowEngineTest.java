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

/** OpenSearch answering after 20 s (WireMock): the 800 ms timeout answers from SQL with {@code degraded: true}. */
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
                    .willReturn(WireMock.okJson("{\"hits\":{\"hits\":[]}}").withFixedDelay(20_000)));
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
        // The engine answers (with no hits) only after 20 s: degraded results from SQL prove the timeout
        // cut the call short, without timing anything in the test.
        JsonPath body = given().queryParam("q", "ｍｕｇ")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(true, body.getBoolean("degraded"));
        assertTrue(body.<String>getList("products.slug").contains("mug-milk"));
    }
}
