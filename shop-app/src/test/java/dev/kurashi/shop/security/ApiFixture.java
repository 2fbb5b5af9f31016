package dev.kurashi.shop.security;

import static io.restassured.RestAssured.given;

import dev.kurashi.devstack.client.Devstack;
import dev.kurashi.shop.openapi.ApiContract;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Data and callers for API tests: two customers (A and B), staff, a seeded product in stock, and, when the
 * staff and order endpoints exist, a test product with stock and an order of customer A.
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
    public final Set<String> documented = ApiContract.documented();
    public String category;
    public String slug;
    public String sku;
    public String adminSlug;
    public String adminSku;
    public String orderA;

    private static ApiFixture instance;

    public static synchronized ApiFixture get() {
        if (instance == null) {
            instance = new ApiFixture();
            instance.load();
        }
        return instance;
    }

    public boolean documents(String method, String path) {
        String plain = path.replaceAll("\\?.*", "");
        return documented.stream().anyMatch(endpoint -> {
            String[] parts = endpoint.split(" ", 2);
            return parts[0].equals(method) && plain.matches(parts[1].replace("{}", "[^/]+"));
        });
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
        if (documents("GET", "/api/v1/categories")) {
            List<String> categories = given().get("/api/v1/categories")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("slug");
            category = categories.isEmpty() ? null : categories.get(0);
        }
        if (documents("GET", "/api/v1/products")) {
            List<Map<String, Object>> items = given().get("/api/v1/products?limit=50")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            for (Map<String, Object> item : items) {
                if (Boolean.TRUE.equals(item.get("inStock"))) {
                    slug = (String) item.get("slug");
                    List<Map<String, Object>> skus =
                            given().get("/api/v1/products/" + slug).path("skus");
                    sku = skus.stream()
                            .filter(s -> Boolean.TRUE.equals(s.get("available")))
                            .map(s -> (String) s.get("sku"))
                            .findFirst()
                            .orElse(null);
                    break;
                }
            }
        }
        if (category != null && documents("POST", "/api/v1/admin/products")) {
            adminSlug = "test-matrix-" + run;
            adminSku = "TEST-MATRIX-" + run.toUpperCase();
            as(staff)
                    .contentType("application/json")
                    .body(productBody(adminSlug, adminSku))
                    .post("/api/v1/admin/products")
                    .then()
                    .statusCode(201);
            if (documents("PUT", "/api/v1/admin/skus/X/stock")) {
                as(staff)
                        .contentType("application/json")
                        .body("{\"quantity\": 50}")
                        .put("/api/v1/admin/skus/" + adminSku + "/stock")
                        .then()
                        .statusCode(200);
            }
        }
        String orderSku = adminSku != null ? adminSku : sku;
        if (orderSku != null && documents("PUT", "/api/v1/cart/items/X") && documents("POST", "/api/v1/orders")) {
            as(customerA)
                    .contentType("application/json")
                    .body("{\"quantity\": 1}")
                    .put("/api/v1/cart/items/" + orderSku)
                    .then()
                    .statusCode(200);
            Object id = as(customerA)
                    .contentType("application/json")
                    .header("Idempotency-Key", "matrix-" + run)
                    .body(ORDER_BODY)
                    .post("/api/v1/orders")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            orderA = String.valueOf(id);
        }
    }
}
