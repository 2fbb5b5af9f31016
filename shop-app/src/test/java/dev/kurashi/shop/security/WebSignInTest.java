package dev.kurashi.shop.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web storefront's sign-in: authorization-code flow with the kurashi-web client against the devstack
 * issuer, an encrypted session cookie, and RP-initiated logout. The API never takes part in it.
 */
@QuarkusTest
class WebSignInTest {

    @Test
    void signInThroughTheIssuerAndOut() throws Exception {
        Response login = given().redirects().follow(false).get("/login");
        assertEquals(302, login.statusCode(), login.asString());
        String authorize = login.header("Location");
        assertTrue(authorize.startsWith(TestTokens.issuer() + "/authorize"), authorize);
        assertTrue(authorize.contains("client_id=kurashi-web"), authorize);
        login.then().header("Cache-Control", "private, no-store");
        Map<String, String> cookies = new HashMap<>(login.getCookies());

        // The issuer's login form, as a browser would post it.
        HttpResponse<String> issuer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(authorize))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "username=" + URLEncoder.encode("web-user-1", StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String callback = issuer.headers().firstValue("Location").orElseThrow();
        URI back = URI.create(callback);

        Response session =
                given().redirects().follow(false).cookies(cookies).get(back.getRawPath() + "?" + back.getRawQuery());
        assertTrue(
                session.statusCode() == 302 || session.statusCode() == 303,
                session.statusCode() + " " + session.asString());
        session.then().header("Cache-Control", "private, no-store");
        cookies.putAll(session.getCookies());
        assertTrue(
                cookies.keySet().stream().anyMatch(name -> name.startsWith("q_session")),
                cookies.keySet().toString());

        // Signed in: the restored /login sends the visitor on.
        Response restored = given().redirects()
                .follow(false)
                .cookies(cookies)
                .get(session.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertTrue(restored.statusCode() / 100 == 3, restored.statusCode() + " " + restored.asString());

        // The API takes bearer tokens only: a web session cookie is no credential there.
        given().redirects()
                .follow(false)
                .cookies(cookies)
                .get("/api/test-probe/me")
                .then()
                .statusCode(401);

        // Logout is a form POST with the CSRF token; it ends the session here and at the issuer, and comes back to /.
        Response account = given().redirects().follow(false).cookies(cookies).get("/account/orders");
        account.then().statusCode(200);
        cookies.putAll(account.getCookies());
        Response logout = given().redirects()
                .follow(false)
                .cookies(cookies)
                .formParam("csrf-token", WebSession.csrfField(account.asString()))
                .post("/logout");
        assertEquals(303, logout.statusCode(), logout.asString());
        logout.then()
                .header("Location", startsWith(TestTokens.issuer() + "/endsession"))
                .header("Location", containsString("post_logout_redirect_uri"));
        assertTrue(
                logout.getDetailedCookies().asList().stream()
                        .filter(c -> c.getName().startsWith("q_session"))
                        .allMatch(c -> c.getMaxAge() == 0 || c.getValue().isEmpty()),
                logout.getDetailedCookies().toString());
    }

    @Test
    void anonymousWebPageNeedsNoSignIn() throws IOException {
        given().redirects()
                .follow(false)
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", is("UP"));
        given().redirects().follow(false).get("/static/css/kurashi.css").then().statusCode(200);
        given().redirects().follow(false).get("/q/openapi").then().statusCode(200);
        // Swagger UI is served outside prod only (%prod.quarkus.swagger-ui.enable=false)
    }
}
