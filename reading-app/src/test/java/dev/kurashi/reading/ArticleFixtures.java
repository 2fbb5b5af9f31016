package dev.kurashi.reading;

import static io.restassured.RestAssured.given;

import dev.kurashi.devstack.client.Devstack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Articles created through the staff API, with unique slugs and tags (tests share the seeded database). */
public final class ArticleFixtures {

    /** Seeded products the tests feature. */
    public static final String MUG = "stoneware-mug";

    /**
     * When test articles are published: long ago, so they never become the newest articles of the shared
     * database (other tests assume a recent article of theirs is the newest).
     */
    public static final Instant PAST = Instant.parse("2021-04-01T00:00:00Z");

    private ArticleFixtures() {}

    public static String staffToken() {
        return Devstack.token("reading-staff", true);
    }

    public static String customerToken() {
        return Devstack.token("reading-customer", false);
    }

    public static String uniqueSlug() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A request body; {@code publishAt} null is a draft. */
    public static Map<String, Object> body(String slug, String bodyHtml, Instant publishAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("title", "テスト記事 " + slug);
        body.put("lead", "白樺の器と暮らす、テスト用の読み物です。");
        body.put("bodyHtml", bodyHtml);
        body.put("heroImageUrl", null);
        body.put("tags", List.of(slug));
        body.put("featuredProductSlugs", List.of(MUG));
        body.put("publishAt", publishAt == null ? null : publishAt.toString());
        return body;
    }

    public static Response create(Map<String, Object> body) {
        return given().auth()
                .oauth2(staffToken())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/admin/articles");
    }

    public static Response replace(String slug, Map<String, Object> body) {
        return given().auth()
                .oauth2(staffToken())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/v1/admin/articles/" + slug);
    }

    public static String published(String bodyHtml) {
        String slug = uniqueSlug();
        create(body(slug, bodyHtml, PAST)).then().statusCode(201);
        return slug;
    }
}
