package dev.kurashi.shop.cart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.kurashi.shop.order.ShopFixtures;
import dev.kurashi.shop.order.SignedInCustomerTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CartResourceTest extends SignedInCustomerTest {

    @Override
    protected String subjectPrefix() {
        return "test-cart-";
    }

    @Test
    void aNewCustomerHasAnEmptyCartWithNoShipping() {
        auth(token)
                .get("/api/v1/cart")
                .then()
                .statusCode(200)
                .body("lines", hasSize(0))
                .body("subtotalJpy", equalTo(0))
                .body("shippingJpy", equalTo(0))
                .body("totalJpy", equalTo(0));
    }

    @Test
    void putSetsTheQuantityAndDeleteRemovesTheLine() {
        ShopFixtures.TestProduct cup = fixtures.product("tableware", 10, 1100, 5);
        ShopFixtures.TestProduct tea = fixtures.product("coffee-tea", 8, 1080, 5);

        put(token, cup.sku(), "{\"quantity\":2}").then().statusCode(200).body("lines", hasSize(1));
        put(token, tea.sku(), "{\"quantity\":1}")
                .then()
                .statusCode(200)
                .body("lines.sku", equalTo(List.of(cup.sku(), tea.sku())))
                .body("lines[0].productSlug", equalTo(cup.slug()))
                .body("lines[0].quantity", equalTo(2))
                .body("lines[0].unitPriceJpy", equalTo(1100))
                .body("lines[0].lineTotalJpy", equalTo(2200))
                .body("subtotalJpy", equalTo(3280))
                .body("shippingJpy", equalTo(550))
                .body("totalJpy", equalTo(3830));
        // PUT replaces the quantity, it does not add to it
        put(token, cup.sku(), "{\"quantity\":99}")
                .then()
                .statusCode(200)
                .body("lines[0].quantity", equalTo(99))
                .body("shippingJpy", equalTo(0));

        auth(token)
                .delete("/api/v1/cart/items/" + cup.sku())
                .then()
                .statusCode(200)
                .body("lines.sku", equalTo(List.of(tea.sku())));
        // removing what is not there is harmless
        auth(token)
                .delete("/api/v1/cart/items/" + cup.sku())
                .then()
                .statusCode(200)
                .body("lines", hasSize(1));
    }

    @Test
    void unknownOrHiddenSkuIs404() {
        ShopFixtures.TestProduct cup = fixtures.product("tableware", 10, 1100, 5);
        fixtures.hide(cup.sku());

        put(token, "TEST-NO-SUCH-SKU", "{\"quantity\":1}")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        put(token, cup.sku(), "{\"quantity\":1}").then().statusCode(404);
        put(token, "not a sku", "{\"quantity\":1}").then().statusCode(404);
        auth(token).delete("/api/v1/cart/items/TEST-NO-SUCH-SKU").then().statusCode(404);
    }

    @Test
    void badQuantitiesAre400AndChangeNothing() {
        ShopFixtures.TestProduct cup = fixtures.product("tableware", 10, 1100, 5);
        put(token, cup.sku(), "{\"quantity\":1}").then().statusCode(200);

        List<String> wrong = new java.util.ArrayList<>();
        for (String body : List.of(
                "{\"quantity\":0}",
                "{\"quantity\":100}",
                "{\"quantity\":-1}",
                "{\"quantity\":1000000000}",
                "{\"quantity\":1000000000000}",
                "{\"quantity\":1.5}",
                "{\"quantity\":\"2\"}",
                "{\"quantity\":null}",
                "{}",
                "{\"quantity\":2,\"price\":1}",
                "{\"quantity\":",
                "[]")) {
            io.restassured.response.Response response = put(token, cup.sku(), body);
            if (response.statusCode() != 400 || !response.contentType().startsWith("application/problem+json")) {
                wrong.add(body + " → " + response.statusCode() + " " + response.contentType() + " "
                        + response.asString());
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), wrong);
        auth(token).get("/api/v1/cart").then().body("lines[0].quantity", equalTo(1));
    }

    @Test
    void eachCustomerSeesOnlyTheirOwnCart() {
        ShopFixtures.TestProduct cup = fixtures.product("tableware", 10, 1100, 5);
        put(token, cup.sku(), "{\"quantity\":3}").then().statusCode(200);
        String other = ShopFixtures.token("test-cart-other-" + suffix);

        auth(other).get("/api/v1/cart").then().statusCode(200).body("lines", hasSize(0));
        auth(other).delete("/api/v1/cart/items/" + cup.sku()).then().statusCode(200);
        auth(token).get("/api/v1/cart").then().body("lines[0].quantity", equalTo(3));
    }

    @Test
    void anonymousIs401() {
        given().get("/api/v1/cart").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{\"quantity\":1}")
                .put("/api/v1/cart/items/ABC-123")
                .then()
                .statusCode(401);
        given().delete("/api/v1/cart/items/ABC-123").then().statusCode(401);
    }

    private RequestSpecification auth(String bearer) {
        return given().auth().oauth2(bearer);
    }

    private io.restassured.response.Response put(String bearer, String sku, String body) {
        return auth(bearer).contentType(ContentType.JSON).body(body).put("/api/v1/cart/items/" + sku);
    }
}
