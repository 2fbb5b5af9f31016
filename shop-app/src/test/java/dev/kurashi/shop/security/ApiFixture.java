package dev.kurashi.shop.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.kurashi.devstack.client.Devstack;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data and callers for API tests: two customers (A and B), staff, a seeded product in stock, a test product
 * with stock and an order of customer A. Every endpoint is implemented, so each part is always set up: if one
 * can't be, {@link #get()} fails and says which part and why.
 */
public final class ApiFixture {

    public static final String ORDER_BODY =
            """
            {"shippingAddress": {"name": "試験 太郎", "postalCode": "150-0001", "prefecture": "東京都",
              "city": "渋谷区", "line1": "神宮前1-2-3", "phone": "03-1234-5678"},
             "payment": {"method": "konbini"}}""";

    public final String run = UUID.randomUUID().toString().substring(0, 8);
    public final String customerA = Devstack.token("matrix-a-" + run, false);
    public final String customerB = Devstack.token("matrix-b-" + run, false);
    public final String staff = Devstack.token("matrix-staff-" + run, true);
    public String category;
    public String slug;
    public String sku;
    public String adminSlug;
    public String adminSku;
    public String orderA;

    private static ApiFixture instance;

    public static synchronized ApiFixture get() {
        if (instance == null) {
            // Published only once fully set up: a failed set-up is retried with fresh data, never half used.
            ApiFixture fixture = new ApiFixture();
            fixture.load();
            instance = fixture;
        }
        return instance;
    }

    public static RequestSpecification as(String token) {
        RequestSpecification request = given().redirects().follow(false);
        return token == null ? request : request.auth().oauth2(token);
    }

    public String productBody(String productSlug, String productSku) {
        return """
                {"slug": "%s", "name": "試験の品 %s", "brand": "Kurashi Test", "description": "認可テスト用",
                 "category": "%s", "taxRate": 10, "images": [],
                 "skus": [{"sku": "%s", "label": "標準", "priceJpy": 1200}]}"""
                .formatted(productSlug, run, category, productSku);
    }

    private void load() {
        step("a category (GET /api/v1/categories)", () -> {
            List<String> categories = given().get("/api/v1/categories")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("slug");
            assertNotNull(categories, "no list of categories");
            assertFalse(categories.isEmpty(), "no categories: is the seed loaded?");
            category = categories.get(0);
        });
        step("a seeded product in stock (GET /api/v1/products)", () -> {
            List<Map<String, Object>> items = given().get("/api/v1/products?limit=50")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            assertNotNull(items, "no items in the product list");
            for (Map<String, Object> item : items) {
                if (Boolean.TRUE.equals(item.get("inStock"))) {
                    slug = (String) item.get("slug");
                    List<Map<String, Object>> skus = given().get("/api/v1/products/" + slug)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("skus");
                    sku = skus.stream()
                            .filter(s -> Boolean.TRUE.equals(s.get("available")))
                            .map(s -> (String) s.get("sku"))
                            .findFirst()
                            .orElse(null);
                    assertNotNull(sku, "product " + slug + " is in stock but has no available SKU: " + skus);
                    break;
                }
            }
            assertNotNull(slug, "none of the first 50 products is in stock: " + items);
        });
        adminSlug = "test-matrix-" + run;
        adminSku = "TEST-MATRIX-" + run.toUpperCase();
        step("a test product (POST /api/v1/admin/products)", () -> as(staff)
                .contentType("application/json")
                .body(productBody(adminSlug, adminSku))
                .post("/api/v1/admin/products")
                .then()
                .statusCode(201));
        step("stock for the test product (PUT /api/v1/admin/skus/{sku}/stock)", () -> as(staff)
                .contentType("application/json")
                .body("{\"quantity\": 50}")
                .put("/api/v1/admin/skus/" + adminSku + "/stock")
                .then()
                .statusCode(200));
        step("customer A's cart (PUT /api/v1/cart/items/{sku})", () -> as(customerA)
                .contentType("application/json")
                .body("{\"quantity\": 1}")
                .put("/api/v1/cart/items/" + adminSku)
                .then()
                .statusCode(200));
        step("an order of customer A (POST /api/v1/orders)", () -> {
            Object id = as(customerA)
                    .contentType("application/json")
                    .header("Idempotency-Key", "matrix-" + run)
                    .body(ORDER_BODY)
                    .post("/api/v1/orders")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            assertNotNull(id, "the created order has no id");
            orderA = String.valueOf(id);
        });
    }

    private static void step(String what, Runnable setUp) {
        try {
            setUp.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("ApiFixture could not set up " + what + ": " + e.getMessage(), e);
        }
    }
}
