package dev.kurashi.shop.openapi;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The endpoints of docs/api.md as "METHOD /path" with path parameters written {}, and what /q/openapi documents. */
public final class ApiContract {

    /** Every endpoint of docs/api.md outside articles. */
    public static final List<String> ENDPOINTS = List.of(
            "GET /api/v1/categories",
            "GET /api/v1/products",
            "GET /api/v1/products/{}",
            "GET /api/v1/search",
            "GET /api/v1/cart",
            "PUT /api/v1/cart/items/{}",
            "DELETE /api/v1/cart/items/{}",
            "POST /api/v1/orders",
            "GET /api/v1/orders",
            "GET /api/v1/orders/{}",
            "PUT /api/v1/favorites/{}",
            "DELETE /api/v1/favorites/{}",
            "GET /api/v1/favorites",
            "PUT /api/v1/devices/{}",
            "DELETE /api/v1/devices/{}",
            "POST /api/v1/admin/products",
            "PUT /api/v1/admin/products/{}",
            "PUT /api/v1/admin/skus/{}/stock",
            "GET /api/v1/admin/jobs",
            "GET /api/v1/admin/search/synonyms",
            "POST /api/v1/admin/search/synonyms",
            "DELETE /api/v1/admin/search/synonyms/{}");

    /** The reading issue's endpoints: allowed in the document, not required by this issue. */
    public static final List<String> ARTICLES = List.of(
            "GET /api/v1/articles",
            "GET /api/v1/articles/{}",
            "POST /api/v1/admin/articles",
            "PUT /api/v1/admin/articles/{}");

    private ApiContract() {}

    /** "METHOD /path" of every operation in /q/openapi, path parameters written {}. */
    public static Set<String> documented() {
        Map<String, Map<String, Object>> paths = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        Set<String> endpoints = new TreeSet<>();
        if (paths == null) {
            return endpoints;
        }
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> Set.of("get", "put", "post", "delete", "patch", "head", "options")
                        .contains(method))
                .forEach(method -> endpoints.add(method.toUpperCase() + " " + normalize(path))));
        return endpoints;
    }

    public static String normalize(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
