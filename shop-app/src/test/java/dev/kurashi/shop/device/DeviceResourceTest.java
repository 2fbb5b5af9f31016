package dev.kurashi.shop.device;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import dev.kurashi.shop.order.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceResourceTest {

    String token;
    String other;
    String device;

    @BeforeEach
    void customers() {
        String suffix = ShopFixtures.unique();
        token = ShopFixtures.token("test-devices-" + suffix);
        other = ShopFixtures.token("test-devices-other-" + suffix);
        device = "test-token:" + suffix + "_" + "a1b2c3d4e5f6".repeat(10);
    }

    @Test
    void registerIsAnUpsertAndDeleteOnlyTouchesYourOwnTokens() {
        String install = "install-" + ShopFixtures.unique() + "-0123456789";
        register(token, device, "ios", install).then().statusCode(204);
        register(token, device, "android", install).then().statusCode(204);

        // someone else cannot remove it
        auth(other).delete("/api/v1/devices/" + device).then().statusCode(404).contentType("application/problem+json");
        // nor take it by knowing the token (issue 12)...
        register(other, device, "android").then().statusCode(409).contentType("application/problem+json");
        register(other, device, "android", "install-someone-else-0123456789")
                .then()
                .statusCode(409);
        auth(token).delete("/api/v1/devices/" + device).then().statusCode(204); // still the first customer's
        register(token, device, "android", install).then().statusCode(204);
        // ...but the same install signing in to another account moves it
        register(other, device, "android", install).then().statusCode(204);
        auth(token).delete("/api/v1/devices/" + device).then().statusCode(404);
        auth(other).delete("/api/v1/devices/" + device).then().statusCode(204);
        auth(other).delete("/api/v1/devices/" + device).then().statusCode(404);
    }

    @Test
    void badTokensAndPlatformsAre400() {
        register(token, "short", "ios").then().statusCode(400).contentType("application/problem+json");
        // 414 while the request line is longer than quarkus.http.limits.max-initial-line-length
        register(token, "x".repeat(4097), "ios").then().statusCode(anyOf(is(400), is(414)));
        register(token, "bad<token>" + "x".repeat(20), "ios").then().statusCode(400);
        for (String body :
                List.of("{\"platform\":\"windows\"}", "{}", "{\"platform\":1}", "{\"platform\":\"ios\",\"x\":1}")) {
            auth(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .put("/api/v1/devices/" + device)
                    .then()
                    .statusCode(400);
        }
        auth(token).delete("/api/v1/devices/" + device).then().statusCode(404);
    }

    @Test
    void longestTokenIsAccepted() {
        register(token, "t".repeat(4096), "android").then().statusCode(204);
        auth(token).delete("/api/v1/devices/" + "t".repeat(4096)).then().statusCode(204);
    }

    @Test
    void anonymousIs401() {
        given().contentType(ContentType.JSON)
                .body("{\"platform\":\"ios\"}")
                .put("/api/v1/devices/" + device)
                .then()
                .statusCode(401);
        given().delete("/api/v1/devices/" + device).then().statusCode(401);
    }

    private RequestSpecification auth(String bearer) {
        return given().auth().oauth2(bearer);
    }

    private io.restassured.response.Response register(String bearer, String deviceToken, String platform) {
        return register(bearer, deviceToken, platform, null);
    }

    private io.restassured.response.Response register(
            String bearer, String deviceToken, String platform, String installId) {
        return auth(bearer)
                .contentType(ContentType.JSON)
                .body(
                        installId == null
                                ? "{\"platform\":\"" + platform + "\"}"
                                : "{\"platform\":\"" + platform + "\",\"installId\":\"" + installId + "\"}")
                .put("/api/v1/devices/" + deviceToken);
    }
}
