package dev.kurashi.reading;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies (the same set as core's sanitizer test) never survive into the stored row, the API answer or
 * the rendered page.
 */
@QuarkusTest
class ArticleXssTest {

    @Inject
    ArticleRepository articles;

    @Test
    void hostileHtmlNeverSurvives() {
        String body = "<p>はじめに</p>" + String.join("\n", XssPayloads.ALL) + "<p>おわりに</p>";
        String slug = ArticleFixtures.uniqueSlug();
        var request = ArticleFixtures.body(slug, body, ArticleFixtures.PAST);
        request.put("title", "<script>alert(1)</script>タイトル");
        ArticleFixtures.create(request).then().statusCode(201);

        String stored = QuarkusTransaction.requiringNew()
                .call(() -> articles.findBySlug(slug).orElseThrow().bodyHtml);
        XssPayloads.assertHarmless(stored);
        assertTrue(stored.contains("<p>はじめに</p>") && stored.contains("<p>おわりに</p>"), stored);

        String api = given().when()
                .get("/api/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .path("bodyHtml");
        XssPayloads.assertHarmless(api);

        String page = given().when()
                .get("/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String articleBody = page.substring(page.indexOf("id=\"article-body\""), page.indexOf("</article>"));
        XssPayloads.assertHarmless(articleBody);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;タイトル"), "the title is escaped");
        assertTrue(!page.contains("<script>alert(1)"), "no hostile script anywhere in the page");

        // the same for each payload alone, stored and served
        for (String payload : XssPayloads.ALL) {
            String single = ArticleFixtures.published(payload.isBlank() ? "<p>x</p>" : payload + "<p>x</p>");
            XssPayloads.assertHarmless(given().when()
                    .get("/api/v1/articles/" + single)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("bodyHtml"));
        }
    }
}
