package dev.kurashi.shop.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenSearch unreachable (a closed port): search still answers, from SQL, with {@code degraded: true}. */
@QuarkusTest
@TestProfile(SearchDegradedTest.EngineDown.class)
class SearchDegradedTest {

    public static class EngineDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.elasticsearch.hosts",
                    "localhost:" + closedPort(),
                    "kurashi.search.build-on-start",
                    "false");
        }
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void answersFromSqlWithDegraded() {
        for (String q : List.of("mug", "ｍｕｇ", "マグ", "ﾏｸﾞｶｯﾌﾟ", "stoneware mug")) {
            JsonPath body = given().queryParam("q", q)
                    .queryParam("limit", 100)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(true, body.getBoolean("degraded"), q);
            List<String> slugs = body.getList("products.slug");
            assertTrue(slugs.contains(q.equals("stoneware mug") ? "stoneware-mug" : "mug-milk"), q + " → " + slugs);
        }
        // Name matches first in SQL too: マグカップ is in mug-milk's name.
        assertEquals(
                "mug-milk",
                given().queryParam("q", "ﾏｸﾞｶｯﾌﾟ ﾐﾙｸ")
                        .get("/api/v1/search")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("products.slug")
                        .getFirst());
        // Wildcards are data, not patterns.
        given().queryParam("q", "%_%")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("products")
                .forEach(p -> assertTrue(p.toString().contains("%")));
        given().queryParam("q", "mug")
                .queryParam("category", "mugs-cups")
                .get("/api/v1/search")
                .then()
                .statusCode(200);
    }
}
