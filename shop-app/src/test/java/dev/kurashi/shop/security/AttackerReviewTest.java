package dev.kurashi.shop.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.shop.order.ShopFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each finding of the attacker's review of issue 12, reproduced as the attacker did it, and shown fixed: old
 * session cookies after logout, a CSRF token from another session, a device token takeover, money
 * overflow, duplicate JSON keys and odd media types, and stock hoarding with unpaid konbini orders. (Payments: see
 * StripePaymentTest and ProdRefusesLocalGatewayIT; the forged Host: PublicHostTest.)
 */
@QuarkusTest
class AttackerReviewTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    ShopFixtures fixtures;

    @Test
    void cookiesSavedBeforeLogoutOpenNothingAfterIt() throws Exception {
        Map<String, String> saved = WebSession.signIn("attacker-logout-" + ShopFixtures.unique());
        Response account = given().redirects().follow(false).cookies(saved).get("/account/orders");
        account.then().statusCode(200);
        Map<String, String> browser = new HashMap<>(saved);
        browser.putAll(account.getCookies());

        // a GET to /logout logs nobody out (it was a GET before: any page could log a visitor out)
        given().redirects().follow(false).cookies(browser).get("/logout").then().statusCode(405);
        given().redirects()
                .follow(false)
                .cookies(saved)
                .get("/account/orders")
                .then()
                .statusCode(200);

        given().redirects()
                .follow(false)
                .cookies(browser)
                .formParam("csrf-token", WebSession.csrfField(account.asString()))
                .post("/logout")
                .then()
                .statusCode(303);

        // the cookies saved before the logout: signed out, sent to the login again
        Response replay = given().redirects().follow(false).cookies(saved).get("/account/orders");
        assertEquals(302, replay.statusCode(), replay.asString());
        assertTrue(replay.header("Location").contains("/authorize"), replay.header("Location"));
    }

    @Test
    void aCsrfTokenOfAnotherSessionDoesNotPass() throws Exception {
        String suffix = ShopFixtures.unique();
        Map<String, String> attacker = WebSession.signIn("attacker-csrf-" + suffix);
        Map<String, String> victim = WebSession.signIn("victim-csrf-" + suffix);
        Response attackerPage = given().cookies(attacker).get("/account/orders");
        String attackerField = WebSession.csrfField(attackerPage.asString());
        String attackerCookie = attackerPage.cookie("csrf-token");

        // the victim's session with the attacker's CSRF cookie and form value (planted, e.g. by cookie tossing)
        Map<String, String> planted = new HashMap<>(victim);
        planted.put("csrf-token", attackerCookie);
        given().redirects()
                .follow(false)
                .cookies(planted)
                .formParam("csrf-token", attackerField)
                .post("/logout")
                .then()
                .statusCode(400);
        given().redirects()
                .follow(false)
                .cookies(victim)
                .get("/account/orders")
                .then()
                .statusCode(200);

        // the cookie is SameSite=Lax and HttpOnly
        String setCookie = attackerPage.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("csrf-token="))
                .findFirst()
                .orElseThrow();
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), setCookie);

        // and the token changes at login: an anonymous page's token is not the signed-in one
        Response anonymous = given().get("/cart?add="
                + fixtures.product("tableware", 10, 1100, 5).sku());
        Map<String, String> mixed = new HashMap<>(victim);
        mixed.put("csrf-token", anonymous.cookie("csrf-token"));
        given().redirects()
                .follow(false)
                .cookies(mixed)
                .formParam("csrf-token", WebSession.csrfField(anonymous.asString()))
                .post("/logout")
                .then()
                .statusCode(400);
    }

    @Test
    void loginSendsPkceAndANonceAndOnlyTheRegisteredRedirect() {
        Response login = given().redirects().follow(false).get("/login?redirect=/checkout");
        String authorize = login.header("Location");
        assertTrue(authorize.contains("code_challenge="), authorize);
        assertEquals("S256", query(authorize, "code_challenge_method"));
        assertTrue(authorize.contains("nonce="), authorize);
        assertTrue(query(authorize, "redirect_uri").endsWith("/login"), authorize);
        Response checkout = given().redirects().follow(false).get("/checkout");
        assertTrue(query(checkout.header("Location"), "redirect_uri").endsWith("/login"));
    }

    @Test
    void knowingAPushTokenDoesNotMoveItToAnotherCustomer() {
        String suffix = ShopFixtures.unique();
        String victim = ShopFixtures.token("victim-device-" + suffix);
        String attacker = ShopFixtures.token("attacker-device-" + suffix);
        String device = "victim-token-" + suffix + "-" + "f".repeat(64);
        given().auth()
                .oauth2(victim)
                .contentType(ContentType.JSON)
                .body("{\"platform\":\"ios\",\"installId\":\"victim-install-" + suffix + "\"}")
                .put("/api/v1/devices/" + device)
                .then()
                .statusCode(204);

        given().auth()
                .oauth2(attacker)
                .contentType(ContentType.JSON)
                .body("{\"platform\":\"ios\"}")
                .put("/api/v1/devices/" + device)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // still the victim's: they can remove it, the attacker cannot
        given().auth()
                .oauth2(attacker)
                .delete("/api/v1/devices/" + device)
                .then()
                .statusCode(404);
        given().auth().oauth2(victim).delete("/api/v1/devices/" + device).then().statusCode(204);
    }

    @Test
    void cartTotalsNeverOverflowAndAreCapped() {
        String token = ShopFixtures.token("attacker-overflow-" + ShopFixtures.unique());
        for (int i = 0; i < 3; i++) {
            String sku = fixtures.product("tableware", 10, 9_999_999, 500).sku();
            Response added = given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body("{\"quantity\":99}")
                    .put("/api/v1/cart/items/" + sku);
            // ¥989,999,901 already passes the cap: refused as a problem, never a 500 or a negative total
            added.then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("limit", equalTo("max-cart-amount"));
        }
        given().auth().oauth2(token).get("/api/v1/cart").then().statusCode(200).body("totalJpy", equalTo(0));

        // the guest cart (a signed cookie) sums in long and hits the same cap on the cart page
        String expensive = fixtures.product("tableware", 10, 9_999_999, 500).sku();
        Response page = given().redirects().follow(false).accept("text/html").get("/cart?add=" + expensive);
        String field = WebSession.csrfField(page.asString());
        Response added = given().redirects()
                .follow(false)
                .accept("text/html")
                .cookies(page.getCookies())
                .formParam("csrf-token", field)
                .formParam("sku", expensive)
                .formParam("quantity", "99")
                .post("/cart/items");
        assertFalse(added.statusCode() >= 500, added.statusCode() + " " + added.asString());
    }

    @Test
    void duplicateJsonKeysAndOddMediaTypesAre400() {
        String token = ShopFixtures.token("attacker-json-" + ShopFixtures.unique());
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"quantity\":1,\"quantity\":99}")
                .put("/api/v1/cart/items/" + sku)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        for (String contentType : new String[] {";;", "text/", "application/json; charset"}) {
            HttpResponse<String> odd = ShopFixtures.send(
                    base,
                    "PUT",
                    "/api/v1/cart/items/" + sku,
                    token,
                    null,
                    "Content-Type",
                    contentType,
                    "Accept",
                    "application/json");
            assertEquals(400, odd.statusCode(), contentType + ": " + odd.body());
        }
    }

    @Test
    void oneCustomerCannotHoldTheStockWithUnpaidKonbiniOrders() {
        String suffix = ShopFixtures.unique();
        String token = ShopFixtures.token("attacker-hoard-" + suffix);
        String sku = fixtures.product("tableware", 10, 1100, 100).sku();

        // the review's ¥1,980,000,000 konbini order: now over the order limit (and the cart cap)
        String pricey = fixtures.product("tableware", 10, 400_000, 100).sku();
        cart(token, pricey, 1);
        konbini(token, "hoard-amount-" + suffix)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("limit", equalTo("max-konbini-amount"));
        given().auth()
                .oauth2(token)
                .delete("/api/v1/cart/items/" + pricey)
                .then()
                .statusCode(200);

        cart(token, sku, 11);
        konbini(token, "hoard-units-" + suffix)
                .then()
                .statusCode(409)
                .body("limit", equalTo("max-pending-konbini-units"));

        for (int i = 0; i < 2; i++) {
            cart(token, sku, 1);
            konbini(token, "hoard-" + i + "-" + suffix).then().statusCode(201);
        }
        cart(token, sku, 1);
        konbini(token, "hoard-third-" + suffix)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("limit", equalTo("max-pending-konbini-orders"));
        assertEquals(98, fixtures.onHand(sku));
        // paying by card is not limited by the unpaid orders
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "hoard-card-" + suffix)
                .body(ShopFixtures.checkoutBody("card", "tok_visa"))
                .post("/api/v1/orders")
                .then()
                .statusCode(201);
    }

    private static void cart(String token, String sku, int quantity) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"quantity\":" + quantity + "}")
                .put("/api/v1/cart/items/" + sku)
                .then()
                .statusCode(200);
    }

    private static Response konbini(String token, String key) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(ShopFixtures.checkoutBody("konbini", null))
                .post("/api/v1/orders");
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
