package dev.kurashi.shop.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import dev.kurashi.devstack.client.Devstack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bearer tokens: what the devstack issues for our clients is accepted; each broken rule (signature, iss, exp,
 * token_use, client_id) is 401 problem+json with a Bearer challenge, never a redirect. Probe endpoints live in
 * the test sources ({@link ProbeResource}).
 */
@QuarkusTest
class TokenCheckTest {

    private static ValidatableResponse unauthorized(ValidatableResponse response) {
        return response.statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(startsWith("application/problem+json"))
                .body("status", is(401));
    }

    @Test
    void devstackTokensOfBothClientsSignIn() {
        given().auth()
                .oauth2(Devstack.token("probe-alice", false))
                .get("/api/test-probe/me")
                .then()
                .statusCode(200)
                .body("staff", is(false));
        given().auth()
                .oauth2(Devstack.token("probe-alice", false, "kurashi-web"))
                .get("/api/test-probe/me")
                .then()
                .statusCode(200);
    }

    @Test
    void sameSubjectIsTheSameCustomer() {
        int first = given().auth()
                .oauth2(Devstack.token("probe-same", false))
                .get("/api/test-probe/me")
                .path("id");
        int second = given().auth()
                .oauth2(Devstack.token("probe-same", false))
                .get("/api/test-probe/me")
                .path("id");
        int other = given().auth()
                .oauth2(Devstack.token("probe-other", false))
                .get("/api/test-probe/me")
                .path("id");
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
        org.junit.jupiter.api.Assertions.assertNotEquals(first, other);
    }

    @Test
    void anonymousIsUnauthorizedProblemNeverARedirect() {
        unauthorized(given().redirects().follow(false).get("/api/test-probe/me").then());
        unauthorized(given().redirects()
                .follow(false)
                .accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .get("/api/test-probe/staff")
                .then());
    }

    @Test
    void staffByCognitoGroup() {
        given().auth()
                .oauth2(Devstack.token("probe-staff", true))
                .get("/api/test-probe/staff")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Devstack.token("probe-alice", false))
                .get("/api/test-probe/staff")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    static Stream<Arguments> brokenTokens() {
        long past = Instant.now().minusSeconds(7200).getEpochSecond();
        String valid = Devstack.token("probe-mallory", false);
        return Stream.of(
                Arguments.of(
                        "expired",
                        TestTokens.issued(
                                "probe-mallory", Map.of("iat", past - 3600, "nbf", past - 3600, "exp", past))),
                Arguments.of("id token", TestTokens.issued("probe-mallory", Map.of("token_use", "id"))),
                Arguments.of("no token_use", TestTokens.issued("probe-mallory", Map.of("token_use", ""))),
                Arguments.of("other app client", Devstack.token("probe-mallory", false, "someone-else")),
                Arguments.of(
                        "signed client_id of another app",
                        TestTokens.issued("probe-mallory", Map.of("client_id", "evil"))),
                Arguments.of(
                        "other issuer claimed",
                        TestTokens.issued("probe-mallory", Map.of("iss", "https://evil.example/kurashi"))),
                Arguments.of("tampered payload", TestTokens.tampered(valid)),
                Arguments.of("unsigned", TestTokens.unsigned(valid)),
                Arguments.of("foreign key, our issuer", TestTokens.foreign(TestTokens.issuer())),
                Arguments.of(
                        "foreign issuer", TestTokens.foreign("https://cognito-idp.ap-northeast-1.amazonaws.com/evil")),
                Arguments.of("garbage", "not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTokens")
    void brokenTokenIsUnauthorized(String name, String token) {
        unauthorized(given().redirects()
                .follow(false)
                .auth()
                .oauth2(token)
                .get("/api/test-probe/me")
                .then());
        unauthorized(given().redirects()
                .follow(false)
                .auth()
                .oauth2(token)
                .get("/api/test-probe/staff")
                .then());
    }
}
