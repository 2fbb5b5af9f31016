package dev.kurashi.shop.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** Search over OpenSearch (built at start-up from the seeded catalog when missing). */
@QuarkusTest
class SearchResourceTest {

    private static final Logger LOG = Logger.getLogger(SearchResourceTest.class);

    static JsonPath search(String q, Object... params) {
        var request = given().queryParam("q", q);
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void answersProductsArticlesAndDegraded() {
        JsonPath body = search("マグ");
        assertEquals(
                Set.of("products", "articles", "degraded"), body.getMap("$").keySet());
        assertEquals(false, body.getBoolean("degraded"));
        for (Map<String, Object> p : body.<Map<String, Object>>getList("products")) {
            assertEquals(Set.of("id", "slug", "name", "brand", "priceJpy", "imageUrl", "inStock"), p.keySet());
        }
        for (Map<String, Object> a : body.<Map<String, Object>>getList("articles")) {
            assertEquals(Set.of("slug", "title", "lead", "heroImageUrl", "publishedAt", "tags"), a.keySet());
        }
    }

    @Test
    void japaneseQueryFindsTheSeededArticleWithTypeArticleAndAll() {
        for (String type : List.of("article", "all")) {
            JsonPath body = search("白樺の道具", "type", type);
            assertEquals(false, body.getBoolean("degraded"), type);
            List<String> articles = body.getList("articles.slug");
            assertTrue(articles.contains("birch-tools-life"), type + " → " + articles);
        }
        JsonPath all = search("白樺の道具", "type", "all");
        assertTrue(!search("白樺", "type", "all").getList("products").isEmpty(), "all answers products too");
        Map<String, Object> article = all.<Map<String, Object>>getList("articles").stream()
                .filter(a -> a.get("slug").equals("birch-tools-life"))
                .findFirst()
                .orElseThrow();
        assertEquals("白樺の道具のある暮らし", article.get("title"));
        assertTrue(article.get("publishedAt").toString().endsWith("Z"), "an ISO-8601 instant: " + article);
    }

    @Test
    void typeProductAnswersNoArticles() {
        JsonPath body = search("白樺", "type", "product");
        assertEquals(List.of(), body.getList("articles"));
        assertTrue(!body.getList("products").isEmpty());
    }

    @Test
    void japaneseEnglishAndWidthVariantsFindTheSeededMugs() {
        for (String q : List.of("マグ", "mug", "ｍｕｇ", "ﾏｸﾞｶｯﾌﾟ")) {
            List<String> slugs = search(q, "limit", 100).getList("products.slug");
            assertTrue(slugs.contains("mug-milk"), q + " → " + slugs);
            assertTrue(slugs.contains("stoneware-mug") || q.equals("ﾏｸﾞｶｯﾌﾟ"), q + " → " + slugs);
        }
        assertEquals("mug-milk", search("ﾏｸﾞｶｯﾌﾟ").getList("products.slug").getFirst());
    }

    @Test
    void categoryFilterAndInStockFirst() {
        JsonPath mugs = search("マグ", "category", "mugs-cups", "limit", 100);
        assertTrue(mugs.<String>getList("products.slug").contains("stoneware-mug"));
        assertTrue(search("マグ", "category", "textiles", "limit", 100).<String>getList("products.slug").stream()
                .noneMatch(s -> s.equals("stoneware-mug")));
        List<Boolean> inStock = search("白樺", "limit", 100).getList("products.inStock");
        List<Boolean> sorted = new ArrayList<>(inStock);
        sorted.sort(Collections.reverseOrder());
        assertEquals(sorted, inStock, "in-stock products come first");
    }

    @Test
    void typeArticleAnswersNoProducts() {
        given().queryParam("q", "マグ")
                .queryParam("type", "article")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("products", is(List.of()));
    }

    @Test
    void badParametersAre400Problems() {
        given().get("/api/v1/search").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("q", "").get("/api/v1/search").then().statusCode(400);
        given().queryParam("q", "a".repeat(201)).get("/api/v1/search").then().statusCode(400);
        given().queryParam("q", "mug")
                .queryParam("type", "video")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("type"));
        for (String limit : List.of("0", "101", "x")) {
            given().queryParam("q", "mug")
                    .queryParam("limit", limit)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(400);
        }
        given().queryParam("q", "' OR 1=1 --<script>")
                .get("/api/v1/search")
                .then()
                .statusCode(200);
    }

    /** Not an assertion on speed (shared build machine), a figure for the log. */
    @Test
    void latencyFigure() {
        List<String> queries = List.of("マグ", "mug", "ｍｕｇ", "ﾏｸﾞｶｯﾌﾟ", "白樺", "linen", "コーヒー", "ランプ");
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            long start = System.nanoTime();
            search(queries.get(i % queries.size()));
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        LOG.infof("SEARCH LATENCY median %d us, p95 %d us over %d requests", micros.get(40), micros.get(76), 80);
    }
}
