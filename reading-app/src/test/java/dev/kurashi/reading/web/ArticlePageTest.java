package dev.kurashi.reading.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.kurashi.reading.ArticleFixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticlePageTest {

    @Test
    void theListShowsArticlesWithTagsAndANextPage() {
        given().when()
                .get("/articles")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", containsString("public"))
                .header("ETag", startsWith("\""))
                .body(containsString("<title>読み物 | kurashi</title>"))
                .body(containsString("id=\"article-list\""))
                .body(containsString("class=\"article-card\""))
                .body(containsString("id=\"article-tags\""))
                .body(containsString("rel=\"next\""));
    }

    @Test
    void aTagFiltersTheList() {
        String slug = ArticleFixtures.published("<p>タグのテスト</p>");
        given().queryParam("tag", slug)
                .when()
                .get("/articles")
                .then()
                .statusCode(200)
                .body(containsString("href=\"/articles/" + slug + "\""))
                .body(not(containsString("rel=\"next\"")));
    }

    @Test
    void theDetailShowsTheBodyAndLinksItsFeaturedProducts() {
        String slug = ArticleFixtures.published("<h2>見出し</h2><p>本文です。</p>");
        given().when()
                .get("/articles/" + slug)
                .then()
                .statusCode(200)
                .body(containsString("<div class=\"prose\" id=\"article-body\">"))
                .body(containsString("<h2>見出し</h2><p>本文です。</p>"))
                .body(containsString("id=\"featured-products\""))
                .body(containsString("class=\"featured-product\" data-product-slug=\"" + ArticleFixtures.MUG + "\""))
                .body(containsString("href=\"/products/" + ArticleFixtures.MUG + "\""))
                .body(containsString("¥"));
    }

    @Test
    void aPageAnswersNotModifiedUntilItChanges() {
        String slug = ArticleFixtures.uniqueSlug();
        var article = ArticleFixtures.body(slug, "<p>一</p>", ArticleFixtures.PAST);
        ArticleFixtures.create(article).then().statusCode(201);
        String etag = given().when()
                .get("/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .when()
                .get("/articles/" + slug)
                .then()
                .statusCode(304);

        article.put("title", "書き換えたタイトル");
        ArticleFixtures.replace(slug, article).then().statusCode(200);
        String changed = given().header("If-None-Match", etag)
                .when()
                .get("/articles/" + slug)
                .then()
                .statusCode(200)
                .body(containsString("書き換えたタイトル"))
                .extract()
                .header("ETag");
        assertNotEquals(etag, changed);
    }
}
