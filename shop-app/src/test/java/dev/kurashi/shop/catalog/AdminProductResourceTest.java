package dev.kurashi.shop.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kurashi.devstack.client.Devstack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The staff product and stock API: authorization, validation, conflicts and the outbox rows it writes. */
@QuarkusTest
class AdminProductResourceTest {

    @Inject
    EntityManager em;

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification as(String user, boolean staff) {
        return given().auth().oauth2(Devstack.token(user, staff)).contentType(ContentType.JSON);
    }

    static RequestSpecification staff() {
        return as("staff-catalog", true);
    }

    static String full(String slug, String category, String images, String... skus) {
        StringBuilder skuJson = new StringBuilder();
        for (int i = 0; i < skus.length; i++) {
            skuJson.append(i > 0 ? "," : "")
                    .append("{\"sku\":\"")
                    .append(skus[i])
                    .append("\",\"label\":\"色")
                    .append(i)
                    .append("\",\"priceJpy\":")
                    .append(1200 + i * 100)
                    .append('}');
        }
        return """
                {"slug":"%s","name":"テスト用マグ","brand":"Test","description":"テストの説明","category":"%s",
                 "taxRate":10,"images":%s,"skus":[%s]}"""
                .formatted(slug, category, images, skuJson);
    }

    static String body(String slug, String... skus) {
        return full(slug, "tableware", "[\"/images/products/" + slug + "/1.svg\"]", skus);
    }

    List<String> outbox(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT event_type FROM outbox WHERE aggregate_id = ?1 ORDER BY id", String.class)
                .setParameter(1, aggregateId)
                .getResultList()
                .stream()
                .map(Object::toString)
                .toList());
    }

    static String sku() {
        return "TEST-" + suffix().toUpperCase(Locale.ROOT);
    }

    @Test
    void onlyStaffMayWrite() {
        String slug = "test-auth-" + suffix();
        String json = body(slug, sku());
        given().contentType(ContentType.JSON)
                .body(json)
                .post("/api/v1/admin/products")
                .then()
                .statusCode(401);
        as("customer-catalog", false)
                .body(json)
                .post("/api/v1/admin/products")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(json)
                .put("/api/v1/admin/products/" + slug)
                .then()
                .statusCode(401);
        as("customer-catalog", false)
                .body(json)
                .put("/api/v1/admin/products/" + slug)
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body("{\"quantity\":1}")
                .put("/api/v1/admin/skus/MUG-MILK/stock")
                .then()
                .statusCode(401);
        as("customer-catalog", false)
                .body("{\"quantity\":1}")
                .put("/api/v1/admin/skus/MUG-MILK/stock")
                .then()
                .statusCode(403);
        assertEquals(List.of(), outbox(slug));
        staff().body(json).post("/api/v1/admin/products").then().statusCode(201);
    }

    @Test
    void createAnswers201WithLocationAndDetailAndWritesProductChanged() {
        String slug = "test-create-" + suffix();
        String a = sku();
        staff().body(body(slug, a, a + "-2"))
                .post("/api/v1/admin/products")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/products/" + slug))
                .body("slug", is(slug))
                .body("category", is("tableware"))
                .body("taxRate", is(10))
                .body("skus.sku", is(List.of(a, a + "-2")))
                .body("skus.available", is(List.of(false, false)))
                .body("relatedArticles", is(List.of()));
        given().get("/api/v1/products/" + slug).then().statusCode(200).body("skus.priceJpy", is(List.of(1200, 1300)));
        assertEquals(List.of("ProductChanged"), outbox(slug));
    }

    @Test
    void takenSlugOrSkuIs409AndWritesNoOutboxRow() {
        String slug = "test-dup-" + suffix();
        String a = sku();
        staff().body(body(slug, a)).post("/api/v1/admin/products").then().statusCode(201);

        staff().body(body(slug, sku()))
                .post("/api/v1/admin/products")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        String other = "test-dup2-" + suffix();
        staff().body(body(other, a)).post("/api/v1/admin/products").then().statusCode(409);
        staff().body(body("stoneware-mug", sku()))
                .post("/api/v1/admin/products")
                .then()
                .statusCode(409);
        // A replace that would take another product's SKU fails whole: nothing changes, no event.
        staff().body(body(slug, "MUG-MILK"))
                .put("/api/v1/admin/products/" + slug)
                .then()
                .statusCode(409);
        assertEquals(List.of(), outbox(other));
        assertEquals(List.of("ProductChanged"), outbox(slug));
        given().get("/api/v1/products/" + slug).then().body("skus.sku", is(List.of(a)));
    }

    @Test
    void invalidBodiesAre400NamingTheField() {
        String slug = "test-bad-" + suffix();
        staff().body(full(slug, "no-such-category", "[]", sku()))
                .post("/api/v1/admin/products")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("category"));
        for (String bad : List.of(
                body("AB", sku()),
                body("Bad_Slug", sku()),
                body(slug, "lower-case-sku"),
                full(slug, "tableware", "[\"javascript:alert(1)\"]", sku()),
                full(slug, "tableware", "[\"//evil.example/x.png\"]", sku()),
                full(slug, "tableware", "[\"http://insecure.example/x.png\"]", sku()),
                body(slug),
                body(slug, sku()).replace("\"taxRate\":10", "\"taxRate\":9"),
                body(slug, sku()).replace("\"priceJpy\":1200", "\"priceJpy\":0"),
                body(slug, sku()).replace("\"priceJpy\":1200", "\"priceJpy\":10000001"),
                body(slug, sku()).replace("\"name\":\"テスト用マグ\"", "\"name\":\"" + "長".repeat(201) + "\""),
                body(slug, sku()).replace("\"brand\":\"Test\"", "\"brand\":\"\""))) {
            staff().body(bad).post("/api/v1/admin/products").then().statusCode(400);
        }
        assertEquals(List.of(), outbox(slug));
        given().get("/api/v1/products/" + slug).then().statusCode(404);
    }

    @Test
    void replaceUpdatesAddsAndHidesSkus() {
        String slug = "test-put-" + suffix();
        String a = sku();
        String b = sku();
        String c = sku();
        staff().body(body(slug, a, b)).post("/api/v1/admin/products").then().statusCode(201);

        staff().body(full(slug, "mugs-cups", "[\"https://cdn.example.com/a.jpg\"]", a, c))
                .put("/api/v1/admin/products/" + slug)
                .then()
                .statusCode(200)
                .body("category", is("mugs-cups"))
                .body("images", is(List.of("https://cdn.example.com/a.jpg")))
                .body("skus.sku", is(List.of(a, c)));
        assertEquals(List.of("ProductChanged", "ProductChanged"), outbox(slug));
        staff().body(body("test-none-" + suffix(), a))
                .put("/api/v1/admin/products/test-none-" + suffix())
                .then()
                .statusCode(404);
    }

    @Test
    void stockFromZeroWritesStockReplenished() {
        String slug = "test-stock-" + suffix();
        String a = sku();
        staff().body(body(slug, a)).post("/api/v1/admin/products").then().statusCode(201);

        staff().body("{\"quantity\":5}")
                .put("/api/v1/admin/skus/" + a + "/stock")
                .then()
                .statusCode(200)
                .body("sku", is(a))
                .body("quantity", is(5));
        staff().body("{\"quantity\":8}")
                .put("/api/v1/admin/skus/" + a + "/stock")
                .then()
                .statusCode(200);
        assertEquals(List.of("StockReplenished"), outbox(a));
        assertEquals(List.of("ProductChanged", "ProductChanged"), outbox(slug));
        given().get("/api/v1/products/" + slug).then().body("skus.available", is(List.of(true)));

        staff().body("{\"quantity\":1}")
                .put("/api/v1/admin/skus/NO-SUCH-SKU/stock")
                .then()
                .statusCode(404);
        for (String bad : List.of("{\"quantity\":-1}", "{\"quantity\":1000001}", "{}", "{\"quantity\":\"x\"}")) {
            staff().body(bad).put("/api/v1/admin/skus/" + a + "/stock").then().statusCode(400);
        }
        assertEquals(List.of("StockReplenished"), outbox(a));
    }
}
