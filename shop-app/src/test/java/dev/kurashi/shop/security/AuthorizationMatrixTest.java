package dev.kurashi.shop.security;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may call what, for every endpoint of docs/api.md outside articles: anonymous, customer A (who owns the
 * order), customer B, staff. Expected: a status, {@code 2xx}, or {@code allowed} (neither 401 nor 403 nor 5xx:
 * the call got past authorization; the business answer is another test's concern). Every row runs: all these
 * endpoints are implemented. Placeholders: {slug}/{sku} a seeded product in stock,
 * {adminSlug}/{adminSku} a test product, {orderA} an order of A, {device} a push token per caller,
 * {fresh} a new unique suffix, {product} a valid staff product body.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // method | path | body | anonymous | customer A | customer B | staff
                "GET    | /api/v1/categories                 |                       | 200 | 200     | 200     | 200",
                "GET    | /api/v1/products                   |                       | 200 | 200     | 200     | 200",
                "GET    | /api/v1/products/{slug}            |                       | 200 | 200     | 200     | 200",
                "GET    | /api/v1/products/test-no-such-item |                       | 404 | 404     | 404     | 404",
                "GET    | /api/v1/search?q=mug               |                       | 200 | 200     | 200     | 200",
                "GET    | /api/v1/cart                       |                       | 401 | 200     | 200     | 200",
                "PUT    | /api/v1/cart/items/{sku}           | `{\"quantity\": 1}`   | 401 | 200     | 200     | 200",
                "PUT    | /api/v1/cart/items/TEST-NO-SUCH    | `{\"quantity\": 1}`   | 401 | 404     | 404     | 404",
                "DELETE | /api/v1/cart/items/{sku}           |                       | 401 | 200     | 200     | 200",
                "POST   | /api/v1/orders                     | {order}               | 401 | allowed | allowed | allowed",
                "GET    | /api/v1/orders                     |                       | 401 | 200     | 200     | 200",
                "GET    | /api/v1/orders/{orderA}            |                       | 401 | 200     | 404     | 404",
                "GET    | /api/v1/orders/999999999           |                       | 401 | 404     | 404     | 404",
                "GET    | /api/v1/favorites                  |                       | 401 | 200     | 200     | 200",
                "PUT    | /api/v1/favorites/{slug}           |                       | 401 | 2xx     | 2xx     | 2xx",
                "DELETE | /api/v1/favorites/{slug}           |                       | 401 | 2xx     | 2xx     | 2xx",
                "PUT    | /api/v1/favorites/test-no-such-item|                       | 401 | 404     | 404     | 404",
                "PUT    | /api/v1/devices/{device}           | `{\"platform\": \"ios\"}` | 401 | 2xx | 2xx     | 2xx",
                "DELETE | /api/v1/devices/{device}           |                       | 401 | 2xx     | 2xx     | 2xx",
                "POST   | /api/v1/admin/products             | {product}             | 401 | 403     | 403     | 201",
                "PUT    | /api/v1/admin/products/{adminSlug} | {product}             | 401 | 403     | 403     | 200",
                "PUT    | /api/v1/admin/skus/{adminSku}/stock| `{\"quantity\": 40}`  | 401 | 403     | 403     | 200",
                "GET    | /api/v1/admin/jobs                 |                       | 401 | 403     | 403     | 200",
            })
    void authorization(String method, String path, String body, String anonymous, String a, String b, String staff) {
        ApiFixture fixture = ApiFixture.get();
        List<String[]> callers = List.of(
                new String[] {"anonymous", null, anonymous},
                new String[] {"customer A", fixture.customerA, a},
                new String[] {"customer B", fixture.customerB, b},
                new String[] {"staff", fixture.staff, staff});
        for (String[] caller : callers) {
            String concrete = resolve(fixture, path, caller[0]);
            Response response = call(fixture, caller[1], method, concrete, body, caller[0]);
            String expected = caller[2];
            int status = response.statusCode();
            String what =
                    caller[0] + ": " + method + " " + concrete + " answered " + status + " " + response.asString();
            switch (expected) {
                case "2xx" -> assertTrue(status >= 200 && status < 300, what);
                case "allowed" -> assertTrue(status != 401 && status != 403 && status < 500, what);
                default -> assertEquals(Integer.parseInt(expected), status, what);
            }
            if (status >= 400) {
                response.then().contentType(startsWith("application/problem+json"));
            }
            if (status == 401) {
                response.then().header("WWW-Authenticate", startsWith("Bearer")).header("Location", (String) null);
            }
        }
    }

    /** A's order, device and favorite are invisible to B: 404, never 403, and A's data is unchanged. */
    @Test
    void anotherCustomersThingsAreNotFound() {
        ApiFixture fixture = ApiFixture.get();
        assertNotNull(fixture.orderA, "ApiFixture set up no order of customer A");
        ApiFixture.as(fixture.customerB)
                .get("/api/v1/orders/" + fixture.orderA)
                .then()
                .statusCode(404);
        ApiFixture.as(fixture.customerB)
                .get("/api/v1/orders")
                .then()
                .statusCode(200)
                .body(not(org.hamcrest.Matchers.containsString("\"id\":" + fixture.orderA + ",")));

        String token = "test-device-a-" + fixture.run + "-0123456789";
        ApiFixture.as(fixture.customerA)
                .contentType("application/json")
                .body("{\"platform\": \"android\"}")
                .put("/api/v1/devices/" + token)
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        int deleteDeviceAsB = ApiFixture.as(fixture.customerB)
                .delete("/api/v1/devices/" + token)
                .statusCode();
        assertTrue(
                deleteDeviceAsB == 404 || deleteDeviceAsB == 204, "B deleting A's device answered " + deleteDeviceAsB);
        // Still A's: A can delete it.
        ApiFixture.as(fixture.customerA)
                .delete("/api/v1/devices/" + token)
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));

        assertNotNull(fixture.slug, "ApiFixture set up no seeded product");
        ApiFixture.as(fixture.customerA)
                .put("/api/v1/favorites/" + fixture.slug)
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        int deleteFavoriteAsB = ApiFixture.as(fixture.customerB)
                .delete("/api/v1/favorites/" + fixture.slug)
                .statusCode();
        assertTrue(
                deleteFavoriteAsB == 404 || deleteFavoriteAsB == 204,
                "B deleting a favorite of A answered " + deleteFavoriteAsB);
        String favoritesOfA =
                ApiFixture.as(fixture.customerA).get("/api/v1/favorites").asString();
        assertTrue(favoritesOfA.contains(fixture.slug), "A's favorite is gone: " + favoritesOfA);
    }

    private static String resolve(ApiFixture fixture, String path, String caller) {
        String resolved = path;
        resolved = replace(resolved, "{slug}", fixture.slug);
        resolved = replace(resolved, "{sku}", fixture.sku);
        resolved = replace(resolved, "{adminSlug}", fixture.adminSlug);
        resolved = replace(resolved, "{adminSku}", fixture.adminSku);
        resolved = replace(resolved, "{orderA}", fixture.orderA);
        resolved = resolved.replace(
                "{device}", "test-device-" + caller.replace(' ', '-') + "-" + fixture.run + "-0123456789");
        return resolved;
    }

    private static String replace(String path, String placeholder, String value) {
        if (!path.contains(placeholder)) {
            return path;
        }
        assertNotNull(value, placeholder + " was not set up by ApiFixture");
        return path.replace(placeholder, value);
    }

    private static Response call(
            ApiFixture fixture, String token, String method, String path, String body, String caller) {
        RequestSpecification request = ApiFixture.as(token);
        if (body != null) {
            String concrete =
                    switch (body) {
                        case "{order}" -> ApiFixture.ORDER_BODY;
                        case "{product}" -> {
                            assertNotNull(fixture.category, "ApiFixture set up no category to build a product with");
                            boolean replace = path.contains(String.valueOf(fixture.adminSlug));
                            String fresh = UUID.randomUUID().toString().substring(0, 8);
                            yield replace
                                    ? fixture.productBody(fixture.adminSlug, fixture.adminSku)
                                    : fixture.productBody("test-" + fresh, "TEST-" + fresh.toUpperCase());
                        }
                        default -> body;
                    };
            request = request.contentType("application/json").body(concrete);
        }
        if ("POST".equals(method) && path.equals("/api/v1/orders")) {
            request = request.header("Idempotency-Key", "matrix-" + caller.replace(' ', '-') + "-" + UUID.randomUUID());
        }
        return request.request(method, path);
    }
}
