package dev.kurashi.shop.payment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kurashi.shop.order.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a forged {@code Host} reached absolute URLs (the login's {@code redirect_uri}, the {@code Location} of a
 * new order). With {@code kurashi.public.base-url} set, as in prod, neither carries it. Runs in the prod-like profile
 * of {@link StripeApi} (one Quarkus start for both).
 */
@QuarkusTest
@TestProfile(StripeApi.Profile.class)
class PublicHostTest {

    @Inject
    ShopFixtures fixtures;

    @Test
    void aForgedHostReachesNoUrl() {
        Response login =
                given().redirects().follow(false).header("Host", "evil.example").get("/login");
        assertEquals(302, login.statusCode());
        String redirectUri = query(login.header("Location"), "redirect_uri");
        assertEquals("http://shop.kurashi.test/login", redirectUri);

        String token = ShopFixtures.token("attacker-host-" + ShopFixtures.unique());
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        StripeApi.cardAuthorized("pm_card_host", "pi_host_" + ShopFixtures.unique());
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"quantity\":1}")
                .put("/api/v1/cart/items/" + sku)
                .then()
                .statusCode(200);
        Response placed = given().auth()
                .oauth2(token)
                .header("Host", "evil.example")
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "host-" + ShopFixtures.unique())
                .body(ShopFixtures.checkoutBody("card", "pm_card_host"))
                .post("/api/v1/orders");
        placed.then().statusCode(201).header("Location", startsWith("https://shop.kurashi.test/api/v1/orders/"));
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
