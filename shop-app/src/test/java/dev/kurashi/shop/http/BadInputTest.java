package dev.kurashi.shop.http;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.devstack.client.Devstack;
import dev.kurashi.shop.security.ApiFixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every write endpoint of API.md is a 4xx problem+json without internals, never a 500, and
 * changes nothing: the counts of carts, orders, products, SKUs, stock, favorites and devices are the same
 * afterwards. Every case runs: all these endpoints are implemented.
 */
@QuarkusTest
class BadInputTest {

    /** What must never reach a client: Java, Jackson, Hibernate or PostgreSQL internals. */
    static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-z]|java\\.|jakarta\\.|com\\.fasterxml|org\\.hibernate|org\\.postgresql|"
                    + "SQLState|syntax error|dev\\.kurashi|arg[0-9]");

    private static final String SQL = "' OR '1'='1' --";
    private static final String DROP = "x'); DROP TABLE products; --";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String HUGE = "\"" + "あ".repeat(400_000) + "\"";

    @Inject
    AgroalDataSource dataSource;

    private record Case(String method, String path, String body, Map<String, String> headers) {}

    private final List<Case> cases = new ArrayList<>();

    private void add(String method, String path, String body) {
        cases.add(new Case(method, path, body, Map.of()));
    }

    @Test
    void badInputIsRejectedAndChangesNothing() throws SQLException {
        ApiFixture fixture = ApiFixture.get();
        String customer = Devstack.token("bad-input-" + fixture.run, false);
        String sku = fixture.adminSku;
        assertNotNull(sku, "ApiFixture set up no test SKU");
        // A cart that a valid order would empty: a rejected order must leave it as it is.
        ApiFixture.as(customer)
                .contentType("application/json")
                .body("{\"quantity\": 2}")
                .put("/api/v1/cart/items/" + sku)
                .then()
                .statusCode(200);

        String cartItem = "/api/v1/cart/items/" + sku;
        for (String body : commonBadBodies("quantity")) {
            add("PUT", cartItem, body);
        }
        for (String quantity : List.of("0", "100", "-1", "1000000000", "1e9", "99.5", "\"1\"", "null", "[1]", "{}")) {
            add("PUT", cartItem, "{\"quantity\": " + quantity + "}");
        }
        add("PUT", "/api/v1/cart/items/" + enc(SQL), "{\"quantity\": 1}");
        add("PUT", "/api/v1/cart/items/" + enc(SCRIPT), "{\"quantity\": 1}");
        add("DELETE", "/api/v1/cart/items/" + enc(DROP), null);

        for (String body : commonBadBodies("payment")) {
            add("POST", "/api/v1/orders", body);
        }
        for (String postalCode : List.of("1500001", "150-00011", "ABC-DEFG", "", SQL, SCRIPT)) {
            add("POST", "/api/v1/orders", ApiFixture.ORDER_BODY.replace("150-0001", postalCode.replace("\"", "\\\"")));
        }
        add("POST", "/api/v1/orders", ApiFixture.ORDER_BODY.replace("東京都", DROP));
        add("POST", "/api/v1/orders", ApiFixture.ORDER_BODY.replace("\"konbini\"", "\"bitcoin\""));
        add(
                "POST",
                "/api/v1/orders",
                ApiFixture.ORDER_BODY.replace("\"konbini\"", "\"card\", \"cardToken\": \"" + SCRIPT + "\""));
        add("POST", "/api/v1/orders", ApiFixture.ORDER_BODY.replace("\"konbini\"", "\"card\", \"cardToken\": 42"));
        add("POST", "/api/v1/orders", ApiFixture.ORDER_BODY.replace("\"phone\"", "\"fax\": 1, \"phone\""));
        add("POST", "/api/v1/orders", ApiFixture.ORDER_BODY.replace("試験 太郎", "x".repeat(101)));
        add("POST", "/api/v1/orders", ApiFixture.ORDER_BODY.replace("試験 太郎", "").replace("\"name\": \"\",", ""));
        cases.add(new Case("POST", "/api/v1/orders", ApiFixture.ORDER_BODY, Map.of())); // no Idempotency-Key
        cases.add(new Case("POST", "/api/v1/orders", ApiFixture.ORDER_BODY, Map.of("Idempotency-Key", "")));
        cases.add(
                new Case("POST", "/api/v1/orders", ApiFixture.ORDER_BODY, Map.of("Idempotency-Key", "k".repeat(256))));

        add("PUT", "/api/v1/favorites/" + enc(SQL), null);
        add("PUT", "/api/v1/favorites/" + enc(SCRIPT), null);
        add("PUT", "/api/v1/favorites/test-no-such-product-" + fixture.run, null);

        String device = "/api/v1/devices/test-bad-input-" + fixture.run + "-0123456789";
        for (String body : commonBadBodies("platform")) {
            add("PUT", device, body);
        }
        for (String platform : List.of("\"windows\"", "\"IOS\"", "1", "null", "\"\"", "\"" + SCRIPT + "\"")) {
            add("PUT", device, "{\"platform\": " + platform + "}");
        }
        add("PUT", "/api/v1/devices/short", "{\"platform\": \"ios\"}");
        add("PUT", "/api/v1/devices/" + enc(DROP + "0123456789abcdef"), "{\"platform\": \"ios\"}");

        runAll(customer);

        // Staff endpoints, as staff (so validation, not authorization, is what answers).
        cases.clear();
        assertNotNull(fixture.category, "ApiFixture set up no category");
        String fresh = "test-bad-" + fixture.run;
        String freshSku = "TEST-BAD-" + fixture.run.toUpperCase();
        String product = fixture.productBody(fresh, freshSku);
        for (String body : commonBadBodies("slug")) {
            add("POST", "/api/v1/admin/products", body);
        }
        List<String[]> productChanges = List.of(
                new String[] {"\"slug\": \"" + fresh + "\"", "\"slug\": \"Bad Slug\""},
                new String[] {"\"slug\": \"" + fresh + "\"", "\"slug\": \"" + DROP.replace("'", "\\'") + "\""},
                new String[] {"\"slug\": \"" + fresh + "\"", "\"slug\": \"" + SCRIPT + "\""},
                new String[] {"\"slug\": \"" + fresh + "\"", "\"slug\": 12345"},
                new String[] {"\"sku\": \"" + freshSku + "\"", "\"sku\": \"lower-case\""},
                new String[] {"\"sku\": \"" + freshSku + "\"", "\"sku\": \"" + SQL + "\""},
                new String[] {"\"taxRate\": 10", "\"taxRate\": 5"},
                new String[] {"\"taxRate\": 10", "\"taxRate\": \"10\""},
                new String[] {"\"taxRate\": 10", "\"taxRate\": 10.5"},
                new String[] {"\"priceJpy\": 1200", "\"priceJpy\": -1"},
                new String[] {"\"priceJpy\": 1200", "\"priceJpy\": 1000000000"},
                new String[] {"\"priceJpy\": 1200", "\"priceJpy\": 1e20"},
                new String[] {"\"priceJpy\": 1200", "\"priceJpy\": \"1200\""},
                new String[] {"\"category\": \"" + fixture.category + "\"", "\"category\": \"" + SCRIPT + "\""},
                new String[] {"\"category\": \"" + fixture.category + "\"", "\"category\": \"test-no-such-category\""},
                new String[] {"\"images\": []", "\"images\": [\"javascript:alert(1)\"]"},
                new String[] {"\"images\": []", "\"images\": \"not-a-list\""},
                new String[] {"\"description\": \"認可テスト用\"", "\"description\": " + HUGE},
                new String[] {"\"brand\": \"Kurashi Test\",", "\"brand\": \"Kurashi Test\", \"secret\": true,"});
        for (String[] change : productChanges) {
            String bad = product.replace(change[0], change[1]);
            assertFalse(bad.equals(product), "the change did not apply: " + change[0]);
            add("POST", "/api/v1/admin/products", bad);
        }
        add("POST", "/api/v1/admin/products", product.replaceFirst("\\[\\{\"sku\".*}]", "[]"));
        assertNotNull(fixture.adminSlug, "ApiFixture set up no test product");
        String replaced = fixture.productBody(fixture.adminSlug, fixture.adminSku);
        for (String[] change : productChanges.subList(4, productChanges.size())) {
            String changedFrom = change[0].replace(fresh, fixture.adminSlug).replace(freshSku, fixture.adminSku);
            assertTrue(replaced.contains(changedFrom), "the change does not apply to the test product: " + changedFrom);
            add("PUT", "/api/v1/admin/products/" + fixture.adminSlug, replaced.replace(changedFrom, change[1]));
        }
        add("PUT", "/api/v1/admin/products/" + enc(SQL), replaced);
        String stock = "/api/v1/admin/skus/" + fixture.adminSku + "/stock";
        for (String body : commonBadBodies("quantity")) {
            add("PUT", stock, body);
        }
        for (String quantity : List.of("-1", "1000000000", "\"5\"", "1.5", "null", "true")) {
            add("PUT", stock, "{\"quantity\": " + quantity + "}");
        }
        add("PUT", "/api/v1/admin/skus/" + enc(SQL) + "/stock", "{\"quantity\": 1}");
        runAll(fixture.staff);
    }

    private void runAll(String token) throws SQLException {
        Map<String, Long> before = counts();
        int ran = 0;
        for (Case c : cases) {
            RequestSpecification request = ApiFixture.as(token);
            if (c.method().equals("POST")
                    && c.path().equals("/api/v1/orders")
                    && c.headers().isEmpty()
                    && !c.body().equals(ApiFixture.ORDER_BODY)) {
                request = request.header("Idempotency-Key", "bad-input-" + UUID.randomUUID());
            }
            for (var header : c.headers().entrySet()) {
                request = request.header(header.getKey(), header.getValue());
            }
            if (c.body() != null) {
                request = request.contentType("application/json; charset=UTF-8").body(c.body());
            }
            Response response = request.request(c.method(), c.path());
            String what = c.method() + " " + c.path() + " " + abbreviate(c.body()) + " -> " + response.statusCode()
                    + " " + abbreviate(response.asString());
            try {
                response.then()
                        .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500), not(401), not(403)))
                        .contentType(startsWith("application/problem+json"));
            } catch (AssertionError e) {
                throw new AssertionError(what + ": " + e.getMessage(), e);
            }
            assertFalse(INTERNALS.matcher(response.asString()).find(), "internals leaked: " + what);
            ran++;
        }
        assertEquals(before, counts(), "bad input changed data");
        assertEquals(cases.size(), ran, "not every case ran");
        System.out.printf("bad input: %d cases ran%n", ran);
    }

    private static List<String> commonBadBodies(String field) {
        return List.of(
                "{\"" + field + "\": ",
                "not json at all",
                "[]",
                "\"just a string\"",
                "{\"" + field + "\": 1, \"unknownField\": \"x\"}",
                "{\"" + field + "\": 1} trailing",
                "{\"pad\": \"" + "x".repeat(1024 * 1024) + "\"}",
                "");
    }

    /**
     * Counts scoped to this test's customer and test data: the database is shared with other test runs, so
     * global counts could move for reasons of their own.
     */
    private Map<String, Long> counts() throws SQLException {
        ApiFixture fixture = ApiFixture.get();
        String sub = "'bad-input-" + fixture.run + "'";
        String customer = "(select id from customers where cognito_sub = " + sub + ")";
        String testProducts =
                "(select id from products where slug like 'test-bad-%' or slug = '" + fixture.adminSlug + "')";
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String query : List.of(
                    "select count(*) from customers where cognito_sub = " + sub,
                    "select count(*) from carts where customer_id = " + customer,
                    "select coalesce(sum(quantity), 0) + count(*) * 1000 from cart_items where cart_id in "
                            + "(select id from carts where customer_id = " + customer + ")",
                    "select count(*) from orders where customer_id = " + customer,
                    "select count(*) from idempotency_keys where customer_id = " + customer,
                    "select count(*) from favorites where customer_id = " + customer,
                    "select count(*) from devices where customer_id = " + customer,
                    "select count(*) from products where id in " + testProducts,
                    "select coalesce(sum(hashtext(p::text)), 0) from products p where id in " + testProducts,
                    "select count(*) from skus where product_id in " + testProducts,
                    "select coalesce(sum(hashtext(s::text)), 0) from skus s where product_id in " + testProducts,
                    "select coalesce(sum(on_hand), 0) from stock where sku_id in "
                            + "(select id from skus where product_id in " + testProducts + ")")) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    rows.next();
                    counts.put(query, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
