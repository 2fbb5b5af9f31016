package dev.kurashi.shop.order;

import static dev.kurashi.shop.order.ShopFixtures.checkoutBody;
import static dev.kurashi.shop.order.ShopFixtures.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderResourceTest extends SignedInCustomerTest {

    private static final String VISA = checkoutBody("card", "tok_visa");

    @TestHTTPResource("/")
    URI base;

    @Override
    protected String subjectPrefix() {
        return "test-orders-";
    }

    @Test
    void checkoutAnswersTheOrderEmptiesTheCartAndTakesStock() {
        String sku = fixtures.product("tableware", 10, 2200, 5).sku();
        addToCart(token, sku, 2);

        Response placed = checkout(token, "k-" + suffix, VISA);

        placed.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/orders/"))
                .body("status", equalTo("PAID"))
                .body("lines", hasSize(1))
                .body("lines[0].sku", equalTo(sku))
                .body("lines[0].quantity", equalTo(2))
                .body("lines[0].unitPriceJpy", equalTo(2200))
                .body("lines[0].lineTotalJpy", equalTo(4400))
                .body("subtotalJpy", equalTo(4400))
                .body("shippingJpy", equalTo(550))
                .body("totalJpy", equalTo(4950))
                .body("taxBreakdown", hasSize(1))
                .body("taxBreakdown[0].rate", equalTo(10))
                .body("taxBreakdown[0].taxableJpy", equalTo(4950))
                .body("taxBreakdown[0].taxJpy", equalTo(450))
                .body("placedAt", notNullValue());
        String id = placed.path("id");
        assertTrue(placed.header("Location").endsWith("/api/v1/orders/" + id));
        assertEquals(3, fixtures.onHand(sku));
        auth(token)
                .get("/api/v1/cart")
                .then()
                .statusCode(200)
                .body("lines", hasSize(0))
                .body("totalJpy", equalTo(0));
        // GET answers the same document as the POST did
        assertEquals(
                placed.asString(),
                auth(token)
                        .get("/api/v1/orders/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        auth(token)
                .get("/api/v1/orders")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("nextCursor", nullValue());
    }

    @Test
    void mixedRatesBreakDownPerRateAsHandComputed() {
        String cup = fixtures.product("tableware", 10, 2200, 5).sku();
        String tea = fixtures.product("coffee-tea", 8, 1080, 5).sku();
        String jam = fixtures.product("sweets-food", 8, 1296, 5).sku();
        addToCart(token, cup, 1);
        addToCart(token, tea, 2);
        addToCart(token, jam, 1);

        // 8 %: 2,160 + 1,296 = 3,456 → floor(3,456 × 8 / 108) = 256
        // 10 %: 2,200 + 550 shipping = 2,750 → floor(2,750 × 10 / 110) = 250
        checkout(token, "k-" + suffix, VISA)
                .then()
                .statusCode(201)
                .body("subtotalJpy", equalTo(5656))
                .body("shippingJpy", equalTo(550))
                .body("totalJpy", equalTo(6206))
                .body("taxBreakdown.rate", equalTo(List.of(10, 8)))
                .body("taxBreakdown.taxableJpy", equalTo(List.of(2750, 3456)))
                .body("taxBreakdown.taxJpy", equalTo(List.of(250, 256)));
    }

    @Test
    void shippingIsFreeFromTenThousandYen() {
        String vase = fixtures.product("interior-decor", 10, 5000, 5).sku();
        addToCart(token, vase, 1).then().body("shippingJpy", equalTo(550)).body("totalJpy", equalTo(5550));
        addToCart(token, vase, 2).then().body("subtotalJpy", equalTo(10000)).body("shippingJpy", equalTo(0));
        checkout(token, "k-" + suffix, VISA)
                .then()
                .statusCode(201)
                .body("shippingJpy", equalTo(0))
                .body("totalJpy", equalTo(10000))
                .body("taxBreakdown[0].taxableJpy", equalTo(10000))
                .body("taxBreakdown[0].taxJpy", equalTo(909));
    }

    @Test
    void replayIsIdenticalAndAnotherBodyWithTheSameKeyIs422() {
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        addToCart(token, sku, 1);
        String key = "k-" + suffix;

        Response first = checkout(token, key, VISA);
        Response again = checkout(token, key, VISA);

        first.then().statusCode(201);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), again.asString());
        assertEquals(first.header("Location"), again.header("Location"));
        checkout(token, key, checkoutBody("konbini", null))
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertEquals(4, fixtures.onHand(sku));
        // the key belongs to this customer only: another customer may use the same string
        String other = ShopFixtures.token("test-orders-other-" + suffix);
        addToCart(other, sku, 1);
        checkout(other, key, VISA).then().statusCode(201);
        assertEquals(3, fixtures.onHand(sku));
    }

    @Test
    void tenConcurrentRequestsWithOneKeyPlaceOneOrder() throws Exception {
        String sku = fixtures.product("tableware", 10, 1100, 50).sku();
        addToCart(token, sku, 1);
        String key = "k-" + suffix;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                    start.await();
                    return send(base, "POST", "/api/v1/orders", token, VISA, "Idempotency-Key", key);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Integer, Integer> byStatus = new TreeMap<>();
        responses.forEach(r -> byStatus.merge(r.statusCode(), 1, Integer::sum));
        assertTrue(byStatus.keySet().stream().allMatch(s -> s == 201 || s == 409), byStatus::toString);
        List<String> created = responses.stream()
                .filter(r -> r.statusCode() == 201)
                .map(HttpResponse::body)
                .distinct()
                .toList();
        assertEquals(1, created.size(), "every 201 is the same order");
        assertEquals(1, fixtures.ordersWith(sku));
        assertEquals(49, fixtures.onHand(sku));
        // once the first is done, a retry replays it
        HttpResponse<String> retry = send(base, "POST", "/api/v1/orders", token, VISA, "Idempotency-Key", key);
        assertEquals(201, retry.statusCode());
        assertEquals(created.getFirst(), retry.body());
    }

    @Test
    void declinedCardIs402AndTakesNoStock() {
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        addToCart(token, sku, 2);

        checkout(token, "k-" + suffix, checkoutBody("card", "tok_declined"))
                .then()
                .statusCode(402)
                .contentType("application/problem+json")
                .body("status", equalTo(402));

        assertEquals(5, fixtures.onHand(sku));
        assertEquals(0, fixtures.ordersWith(sku));
        auth(token).get("/api/v1/cart").then().body("lines", hasSize(1));
    }

    @Test
    void konbiniOrderIsPendingUntilADeadline() {
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        addToCart(token, sku, 1);

        Response placed = checkout(token, "k-" + suffix, checkoutBody("konbini", null));

        placed.then().statusCode(201).body("status", equalTo("PENDING_PAYMENT"));
        Instant deadline = fixtures.paymentDeadline(placed.path("id"));
        assertNotNull(deadline);
        Duration window = Duration.between(Instant.now(), deadline);
        assertTrue(
                window.compareTo(Duration.ofHours(23)) > 0 && window.compareTo(Duration.ofHours(24)) <= 0,
                window::toString);
        assertEquals(4, fixtures.onHand(sku));
    }

    @Test
    void notEnoughStockIs409WithTheUnavailableLinesAndTakesNothing() {
        String plenty = fixtures.product("tableware", 10, 1100, 10).sku();
        String scarce = fixtures.product("tableware", 10, 1100, 1).sku();
        addToCart(token, plenty, 3);
        addToCart(token, scarce, 2);

        checkout(token, "k-" + suffix, VISA)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("unavailable", hasSize(1))
                .body("unavailable[0].sku", equalTo(scarce))
                .body("unavailable[0].requested", equalTo(2))
                .body("unavailable[0].available", equalTo(1));
        assertEquals(10, fixtures.onHand(plenty));
        assertEquals(1, fixtures.onHand(scarce));
    }

    @Test
    void emptyCartIs409() {
        checkout(token, "k-" + suffix, VISA).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anotherCustomersOrderOrAMalformedIdIs404() {
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        addToCart(token, sku, 1);
        String id = checkout(token, "k-" + suffix, VISA).path("id");
        String other = ShopFixtures.token("test-orders-other-" + suffix);

        auth(other).get("/api/v1/orders/" + id).then().statusCode(404).contentType("application/problem+json");
        auth(other).get("/api/v1/orders").then().statusCode(200).body("items", hasSize(0));
        auth(token).get("/api/v1/orders/not-a-uuid").then().statusCode(404);
        auth(token)
                .get("/api/v1/orders/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404);
        given().get("/api/v1/orders/" + id).then().statusCode(401);
        given().get("/api/v1/orders").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k")
                .body(VISA)
                .post("/api/v1/orders")
                .then()
                .statusCode(401);
    }

    @Test
    void ordersArePagedNewestFirst() {
        String sku = fixtures.product("tableware", 10, 1100, 10).sku();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            addToCart(token, sku, 1);
            ids.add(checkout(token, "k-" + suffix + "-" + i, VISA).path("id"));
        }
        Response first = auth(token).queryParam("limit", 2).get("/api/v1/orders");
        first.then().statusCode(200).body("items.id", equalTo(List.of(ids.get(2), ids.get(1))));
        String cursor = first.path("nextCursor");
        assertNotNull(cursor);
        auth(token)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/api/v1/orders")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(ids.get(0))))
                .body("nextCursor", nullValue());
        auth(token).queryParam("limit", 0).get("/api/v1/orders").then().statusCode(400);
        auth(token).queryParam("limit", 101).get("/api/v1/orders").then().statusCode(400);
        auth(token).queryParam("cursor", "!!!").get("/api/v1/orders").then().statusCode(400);
    }

    @Test
    void badRequestsAre400AndChangeNothing() {
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        addToCart(token, sku, 1);
        String longKey = "k".repeat(256);

        checkoutWithout(token, VISA).then().statusCode(400).contentType("application/problem+json");
        checkout(token, "", VISA).then().statusCode(400);
        checkout(token, longKey, VISA).then().statusCode(400);
        List<String> wrong = new ArrayList<>();
        for (String body : List.of(
                VISA.replace("150-0001", "1500001"),
                VISA.replace("150-0001", "１５０-０００１"),
                VISA.replace("東京都", "東京"),
                VISA.replace("03-1234-5678", "03-1234"),
                VISA.replace("03-1234-5678", "03-1234-5678-9999-1"),
                VISA.replace("03-1234-5678", "<script>alert(1)</script>"),
                VISA.replace("山田 花子", ""),
                VISA.replace("山田 花子", "x".repeat(101)),
                VISA.replace("\"card\"", "\"cash\""),
                checkoutBody("card", null),
                VISA.replace("\"tok_visa\"", "\"tok_visa'; DROP TABLE orders; --\""),
                VISA.replace("{\"shippingAddress\"", "{\"extra\":1,\"shippingAddress\""),
                VISA.replace("\"1-2-3\"", "123"),
                "{\"shippingAddress\":",
                "[]",
                "{}")) {
            Response response = checkout(token, "k-" + suffix, body);
            if (response.statusCode() != 400 || !response.contentType().startsWith("application/problem+json")) {
                wrong.add(body + " → " + response.statusCode() + " " + response.contentType() + " "
                        + response.asString());
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(5, fixtures.onHand(sku));
        assertEquals(0, fixtures.ordersWith(sku));
        // the key was never claimed: it still places the order
        checkout(token, "k-" + suffix, VISA).then().statusCode(201);
    }

    private RequestSpecification auth(String bearer) {
        return given().auth().oauth2(bearer);
    }

    private Response addToCart(String bearer, String sku, int quantity) {
        Response response = auth(bearer)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", quantity))
                .put("/api/v1/cart/items/" + sku);
        response.then().statusCode(200);
        return response;
    }

    private Response checkout(String bearer, String key, String body) {
        return auth(bearer)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/orders");
    }

    private Response checkoutWithout(String bearer, String body) {
        return auth(bearer).contentType(ContentType.JSON).body(body).post("/api/v1/orders");
    }
}
