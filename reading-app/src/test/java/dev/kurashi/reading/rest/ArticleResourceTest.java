package dev.kurashi.reading.rest;

import static dev.kurashi.reading.ArticleFixtures.body;
import static dev.kurashi.reading.ArticleFixtures.create;
import static dev.kurashi.reading.ArticleFixtures.replace;
import static dev.kurashi.reading.ArticleFixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.reading.ArticleFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleResourceTest {

    @Test
    void theSeededArticlesAreListedNewestFirst() {
        List<String> seeded = new ArrayList<>();
        List<String> publishedAt = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 25);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when()
                    .get("/api/v1/articles")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                publishedAt.add((String) item.get("publishedAt"));
                if (!((String) item.get("slug")).startsWith("test-")) {
                    seeded.add((String) item.get("slug"));
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(56, seeded.size(), "56 of the 60 seeded articles are published");
        assertEquals(56, seeded.stream().distinct().count(), "no article twice across pages");
        List<String> sorted = new ArrayList<>(publishedAt);
        sorted.sort((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
        assertEquals(sorted, publishedAt, "newest first");
    }

    @Test
    void listItemsAndDetailHaveTheContractShape() {
        String slug = ArticleFixtures.published("<p>本文</p>");
        given().queryParam("tag", slug)
                .when()
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].slug", is(slug))
                .body("items[0].title", is("テスト記事 " + slug))
                .body("items[0].lead", notNullValue())
                .body("items[0].publishedAt", notNullValue())
                .body("items[0].tags", equalTo(List.of(slug)))
                .body(
                        "items[0].keySet()",
                        equalTo(java.util.Set.of("slug", "title", "lead", "heroImageUrl", "publishedAt", "tags")))
                .body("nextCursor", nullValue());
        given().when()
                .get("/api/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("public"))
                .header("Cache-Control", containsString("s-maxage="))
                .body(
                        "keySet()",
                        equalTo(java.util.Set.of(
                                "slug", "title", "lead", "bodyHtml", "publishedAt", "tags", "featuredProducts")))
                .body("bodyHtml", is("<p>本文</p>"))
                .body("featuredProducts[0].slug", is(ArticleFixtures.MUG))
                .body(
                        "featuredProducts[0].keySet()",
                        equalTo(java.util.Set.of("id", "slug", "name", "brand", "priceJpy", "imageUrl", "inStock")));
    }

    @Test
    void draftsAreNeverVisible() {
        String slug = uniqueSlug();
        create(body(slug, "<p>下書き</p>", null)).then().statusCode(201).body("status", is("DRAFT"));
        given().when().get("/api/v1/articles/" + slug).then().statusCode(404);
        given().queryParam("tag", slug).when().get("/api/v1/articles").then().body("items.size()", is(0));
        given().when().get("/articles/" + slug).then().statusCode(404);
    }

    @Test
    void aScheduledArticleAppearsAtItsTimeWithoutAJob() throws InterruptedException {
        String slug = uniqueSlug();
        Instant publishAt = Instant.now().plusSeconds(2);
        create(body(slug, "<p>予約</p>", publishAt)).then().statusCode(201).body("status", is("SCHEDULED"));
        given().when().get("/api/v1/articles/" + slug).then().statusCode(404);
        given().queryParam("tag", slug)
                .when()
                .get("/api/v1/articles")
                .then()
                .body("items.size()", is(0))
                // the CDN may not keep the list past the moment the article goes live
                .header("Cache-Control", not(containsString("s-maxage=300")));

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), publishAt).toMillis()) + 1500);

        given().when().get("/api/v1/articles/" + slug).then().statusCode(200).body("slug", is(slug));
        given().queryParam("tag", slug).when().get("/api/v1/articles").then().body("items.slug", hasItem(slug));
        given().when().get("/articles/" + slug).then().statusCode(200);

        // back to a draft, so it does not stay the newest article of the shared database
        replace(slug, body(slug, "<p>予約</p>", null)).then().statusCode(200);
        given().when().get("/api/v1/articles/" + slug).then().statusCode(404);
    }

    @Test
    void aMatchingEtagIsNotModifiedAndAnEditChangesIt() {
        String slug = uniqueSlug();
        var article = body(slug, "<p>最初の本文</p>", ArticleFixtures.PAST);
        create(article).then().statusCode(201);
        String etag = given().when()
                .get("/api/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), "a strong ETag: " + etag);
        given().header("If-None-Match", etag)
                .when()
                .get("/api/v1/articles/" + slug)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", containsString("public"));

        article.put("bodyHtml", "<p>書き直した本文</p>");
        replace(slug, article).then().statusCode(200).body("bodyHtml", is("<p>書き直した本文</p>"));

        String changed = given().header("If-None-Match", etag)
                .when()
                .get("/api/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .body("bodyHtml", is("<p>書き直した本文</p>"))
                .extract()
                .header("ETag");
        assertNotEquals(etag, changed);
    }

    @Test
    void badQueriesAreRejected() {
        given().queryParam("limit", "abc").when().get("/api/v1/articles").then().statusCode(400);
        given().queryParam("limit", 101).when().get("/api/v1/articles").then().statusCode(400);
        given().queryParam("cursor", "bm90LWEtY3Vyc29y")
                .when()
                .get("/api/v1/articles")
                .then()
                .statusCode(400);
        given().when().get("/api/v1/articles/no-such-article").then().statusCode(404);
    }
}
