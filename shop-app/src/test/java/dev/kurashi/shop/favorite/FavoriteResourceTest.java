package dev.kurashi.shop.favorite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.kurashi.shop.order.ShopFixtures;
import dev.kurashi.shop.order.SignedInCustomerTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FavoriteResourceTest extends SignedInCustomerTest {

    @Override
    protected String subjectPrefix() {
        return "test-favorites-";
    }

    @Test
    void addListAndRemoveFavorites() {
        ShopFixtures.TestProduct cup = fixtures.product("tableware", 10, 1100, 5);
        ShopFixtures.TestProduct soldOut = fixtures.product("tableware", 10, 2200, 0);

        auth(token).put("/api/v1/favorites/" + cup.slug()).then().statusCode(204);
        auth(token).put("/api/v1/favorites/" + cup.slug()).then().statusCode(204);
        auth(token).put("/api/v1/favorites/" + soldOut.slug()).then().statusCode(204);

        auth(token)
                .get("/api/v1/favorites")
                .then()
                .statusCode(200)
                .body("items.slug", equalTo(List.of(soldOut.slug(), cup.slug())))
                .body("items[0].inStock", equalTo(false))
                .body("items[0].priceJpy", equalTo(2200))
                .body("items[1].inStock", equalTo(true))
                .body("items[1].brand", equalTo("Test"))
                .body("items[1].id", notNullValue())
                .body("nextCursor", nullValue());

        auth(token)
                .queryParam("limit", 1)
                .get("/api/v1/favorites")
                .then()
                .body("items.slug", equalTo(List.of(soldOut.slug())))
                .body("nextCursor", notNullValue());

        auth(token).delete("/api/v1/favorites/" + soldOut.slug()).then().statusCode(204);
        auth(token).delete("/api/v1/favorites/" + soldOut.slug()).then().statusCode(204);
        auth(token).get("/api/v1/favorites").then().body("items.slug", equalTo(List.of(cup.slug())));

        String other = ShopFixtures.token("test-favorites-other-" + suffix);
        auth(other).get("/api/v1/favorites").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void pagingFollowsTheCursor() {
        for (int i = 0; i < 3; i++) {
            auth(token)
                    .put("/api/v1/favorites/"
                            + fixtures.product("tableware", 10, 1100, 1).slug())
                    .then()
                    .statusCode(204);
        }
        String cursor =
                auth(token).queryParam("limit", 2).get("/api/v1/favorites").path("nextCursor");
        auth(token)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/api/v1/favorites")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue());
        auth(token)
                .queryParam("cursor", "bm9wZQ")
                .get("/api/v1/favorites")
                .then()
                .statusCode(400);
    }

    @Test
    void unknownProductIs404AndAnonymousIs401() {
        auth(token)
                .put("/api/v1/favorites/test-no-such-product")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        auth(token).delete("/api/v1/favorites/test-no-such-product").then().statusCode(404);
        auth(token).put("/api/v1/favorites/Bad_Slug").then().statusCode(404);
        given().get("/api/v1/favorites").then().statusCode(401);
        given().put("/api/v1/favorites/anything").then().statusCode(401);
    }

    private RequestSpecification auth(String bearer) {
        return given().auth().oauth2(bearer);
    }
}
