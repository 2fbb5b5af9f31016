package dev.kurashi.shop.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a request can fail ends as problem+json without internals (probe endpoints in the test sources). */
@QuarkusTest
class ProblemMappersTest {

    private static final String PROBE = "/api/test-probe/body/ABC-1";

    private static ValidatableResponse put(String body) {
        return given().contentType("application/json").body(body).put(PROBE).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(status))
                .body("type", startsWith("https://kurashi.dev/problems/"))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("dev.kurashi")))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("arg0")));
    }

    @Test
    void validBodyPasses() {
        put("{\"quantity\": 3, \"lines\": [{\"sku\": \"AB-1\", \"quantity\": 2}]}")
                .statusCode(200)
                .body("quantity", is(3));
    }

    @Test
    void validationNamesJsonFields() {
        problem(put("{\"quantity\": 0, \"lines\": [{\"sku\": \"a\", \"quantity\": 100}]}"), 400)
                .body("type", is("https://kurashi.dev/problems/validation"))
                .body("errors.field", hasItem("quantity"))
                .body("errors.field", hasItem("lines[0].sku"))
                .body("errors.field", hasItem("lines[0].quantity"));
    }

    @Test
    void pathParameterValidationNamesTheParameter() {
        problem(
                        given().contentType("application/json")
                                .body("{\"quantity\": 1}")
                                .put("/api/test-probe/body/bad sku")
                                .then(),
                        400)
                .body("errors.field", hasItem("sku"));
    }

    @Test
    void missingBody() {
        problem(given().contentType("application/json").put(PROBE).then(), 400);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"quantity\": 1, \"extra\": true}|extra",
                "{\"quantity\": \"5\"}|quantity",
                "{\"quantity\": 1.5}|quantity",
                "{\"quantity\": true}|quantity",
                "{\"quantity\": 1, \"lines\": [{\"sku\": 12345, \"quantity\": 1}]}|lines[0].sku",
                "{\"quantity\": 1, \"lines\": [{\"sku\": \"ABC\", \"quantity\": null}]}|lines[0].quantity",
                "{\"quantity\": 1, \"lines\": {\"sku\": \"ABC\"}}|lines",
                "{\"quantity\": 1000000000000000000000}|quantity",
            })
    void badJsonNamesTheField(String body, String field) {
        problem(put(body), 400).body("errors.field", hasItem(field));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"{\"quantity\": 1", "not json", "{\"quantity\": 1} {}", "[1,2]", "null"})
    void malformedJson(String body) {
        problem(put(body), 400);
    }

    @Test
    void domainExceptionsMapToTheirStatus() {
        problem(
                given().contentType("application/json")
                        .post("/api/test-probe/domain/NOT_FOUND")
                        .then(),
                404);
        problem(
                given().contentType("application/json")
                        .post("/api/test-probe/domain/INVALID")
                        .then(),
                400);
        problem(
                        given().contentType("application/json")
                                .post("/api/test-probe/domain/CONFLICT")
                                .then(),
                        409)
                .body("unavailable[0]", is("X"));
        problem(
                given().contentType("application/json")
                        .post("/api/test-probe/domain/PAYMENT_DECLINED")
                        .then(),
                402);
        problem(
                given().contentType("application/json")
                        .post("/api/test-probe/domain/UNPROCESSABLE")
                        .then(),
                422);
    }

    @Test
    void unexpectedIsGeneric500WithErrorId() {
        problem(given().get("/api/test-probe/boom").then(), 500)
                .body("errorId", notNullValue())
                .body(not(containsString("secret_table")))
                .body(not(containsString("IllegalState")));
    }

    @Test
    void unknownPath() {
        problem(given().get("/api/v1/no-such-thing").then(), 404);
        problem(given().accept("application/json").get("/no-such-page").then(), 404);
    }

    @Test
    void wrongMethod() {
        problem(given().delete("/api/test-probe/public").then(), 405);
    }

    @Test
    void wrongMediaType() {
        problem(given().contentType("text/plain").body("x").put(PROBE).then(), 415);
        problem(given().accept("text/csv").get("/api/test-probe/public").then(), 406);
    }

    @Test
    void formPostWithoutCsrfTokenIsProblem() {
        problem(
                given().contentType("application/x-www-form-urlencoded")
                        .formParam("quantity", "1")
                        .post("/api/test-probe/domain/INVALID")
                        .then(),
                400);
    }

    /** What chromium sends for a page. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static ValidatableResponse errorPage(String path, int status) {
        return given().accept(BROWSER)
                .redirects()
                .follow(false)
                .get(path)
                .then()
                .statusCode(status)
                .contentType(startsWith("text/html"))
                .header("Set-Cookie", nullValue())
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("<html lang=\"ja\">"))
                .body(containsString("class=\"site-header\""))
                .body(containsString("href=\"/articles\""))
                .body(containsString("<p class=\"error-page__status\">" + status + "</p>"))
                .body(not(containsString("Exception")))
                .body(not(containsString("does not exist")));
    }

    @ParameterizedTest
    @CsvSource({
        "/products/no-such-product-anywhere",
        "/articles/no-such-article-anywhere",
        "/categories/no-such-category",
        "/no-such-page"
    })
    void pagesAnswerBrowsersWithTheHtmlErrorPage(String path) {
        errorPage(path, 404).body(containsString("ページが見つかりませんでした"));
    }

    @Test
    void pagesAnswerJsonClientsWithProblems() {
        // a page has no JSON form: 406, as a problem
        problem(
                given().accept("application/json")
                        .get("/articles/no-such-article-anywhere")
                        .then(),
                406);
        problem(
                given().accept("application/json")
                        .get("/products/no-such-product-anywhere")
                        .then(),
                406);
        problem(given().accept("application/json").get("/no-such-page").then(), 404);
    }

    @Test
    void apiAnswersBrowsersWithProblemsToo() {
        problem(given().accept(BROWSER).get("/api/v1/no-such-thing").then(), 404);
        problem(
                given().accept(BROWSER)
                        .get("/api/v1/articles/no-such-article-anywhere")
                        .then(),
                404);
        problem(given().accept(BROWSER).get("/api/test-probe/boom").then(), 500);
    }

    @Test
    void unexpectedErrorOnAPageIsACalmPageWithTheErrorId() {
        errorPage("/test-page-probe/boom", 500)
                .body(containsString("ただいまページを表示できません"))
                .body(containsString("お問い合わせの際は"))
                .body(not(containsString("secret_table")));
    }

    @Test
    void aRefusedFormPostIsAPageForABrowser() {
        given().accept(BROWSER)
                .contentType("application/x-www-form-urlencoded")
                .formParam("sku", "TEST-X")
                .formParam("quantity", "1")
                .redirects()
                .follow(false)
                .post("/cart/items")
                .then()
                .statusCode(400)
                .contentType(startsWith("text/html"))
                .body(containsString("前のページに戻って"));
    }

    @Test
    void bodyTooLarge() {
        String big = "{\"quantity\": 1, \"pad\": \"" + "x".repeat(1024 * 1024) + "\"}";
        problem(put(big), 413);
    }
}
