package dev.kurashi.reading.rest;

import static dev.kurashi.reading.ArticleFixtures.body;
import static dev.kurashi.reading.ArticleFixtures.create;
import static dev.kurashi.reading.ArticleFixtures.customerToken;
import static dev.kurashi.reading.ArticleFixtures.replace;
import static dev.kurashi.reading.ArticleFixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.kurashi.outbox.OutboxRepository;
import dev.kurashi.reading.ArticleFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleAdminResourceTest {

    @Inject
    OutboxRepository outbox;

    @Test
    void onlyStaffMayWrite() {
        String slug = uniqueSlug();
        var article = body(slug, "<p>x</p>", null);
        refusedToAnonymousAndCustomers("POST", "/api/v1/admin/articles", article);
        create(article)
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/articles/" + slug));

        refusedToAnonymousAndCustomers("PUT", "/api/v1/admin/articles/" + slug, article);
        replace(slug, article).then().statusCode(200).body("slug", is(slug));
    }

    /** 401 without a token, 403 with a customer's: writes are for staff only. */
    private void refusedToAnonymousAndCustomers(String method, String path, Object article) {
        given().contentType(ContentType.JSON)
                .body(article)
                .when()
                .request(method, path)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(customerToken())
                .contentType(ContentType.JSON)
                .body(article)
                .when()
                .request(method, path)
                .then()
                .statusCode(403);
    }

    @Test
    void aChangeWritesArticleChangedInTheSameTransaction() {
        String slug = uniqueSlug();
        create(body(slug, "<p>x</p>", null)).then().statusCode(201);
        replace(slug, body(slug, "<p>y</p>", ArticleFixtures.PAST)).then().statusCode(200);
        long events = QuarkusTransaction.requiringNew()
                .call(() -> outbox.count("eventType = ?1 and aggregateId = ?2", "ArticleChanged", slug));
        org.junit.jupiter.api.Assertions.assertEquals(2, events);
    }

    @Test
    void invalidArticlesAreRejectedWithTheField() {
        String slug = uniqueSlug();
        var unknownProduct = body(slug, "<p>x</p>", null);
        unknownProduct.put("featuredProductSlugs", List.of(ArticleFixtures.MUG, "no-such-product"));
        create(unknownProduct).then().statusCode(400).body("errors.field", hasItem("featuredProductSlugs[1]"));

        for (Map.Entry<String, Object> bad : List.of(
                Map.<String, Object>entry("slug", "Bad Slug"),
                Map.<String, Object>entry("title", ""),
                Map.<String, Object>entry("title", "長".repeat(201)),
                Map.<String, Object>entry("lead", "長".repeat(501)),
                Map.<String, Object>entry("heroImageUrl", "javascript:alert(1)"),
                Map.<String, Object>entry("heroImageUrl", "http://example.com/a.png"),
                Map.<String, Object>entry("tags", List.of("")),
                Map.<String, Object>entry("tags", List.of("t".repeat(51))),
                Map.<String, Object>entry("publishAt", "tomorrow"))) {
            var article = body(uniqueSlug(), "<p>x</p>", null);
            article.put(bad.getKey(), bad.getValue());
            create(article).then().statusCode(400);
        }
        var unknownField = body(uniqueSlug(), "<p>x</p>", null);
        unknownField.put("author", "someone");
        create(unknownField).then().statusCode(400);
    }

    @Test
    void aTakenSlugIsAConflict() {
        String slug = uniqueSlug();
        create(body(slug, "<p>x</p>", null)).then().statusCode(201);
        create(body(slug, "<p>y</p>", null)).then().statusCode(409);

        String other = uniqueSlug();
        create(body(other, "<p>z</p>", null)).then().statusCode(201);
        replace(other, body(slug, "<p>z</p>", null)).then().statusCode(409);
        replace(uniqueSlug(), body(uniqueSlug(), "<p>z</p>", null)).then().statusCode(404);
    }
}
