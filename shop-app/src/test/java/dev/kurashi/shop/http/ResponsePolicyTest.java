package dev.kurashi.shop.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.shop.security.ApiFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Security headers and Cache-Control on anonymous and personal answers; no cacheable answer sets a cookie. */
@QuarkusTest
class ResponsePolicyTest {

    private static void securityHeaders(Response response) {
        response.then()
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header("X-Frame-Options", "DENY")
                .header("Permissions-Policy", containsString("camera=()"))
                .header("Content-Security-Policy", containsString("default-src"))
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void anonymousCatalogIsPubliclyCacheable() {
        Response response = given().get("/api/v1/categories");
        response.then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=60, s-maxage=300")
                .header("Set-Cookie", nullValue())
                .header("Content-Security-Policy", ResponsePolicy.CSP);
        securityHeaders(response);
    }

    @Test
    void credentialsMakeAnyAnswerPrivate() {
        ApiFixture fixture = ApiFixture.get();
        Response catalog = ApiFixture.as(fixture.customerA).get("/api/v1/categories");
        catalog.then().statusCode(200).header("Cache-Control", "private, no-store");
        securityHeaders(catalog);
        ApiFixture.as(fixture.customerA).get("/api/v1/cart").then().header("Cache-Control", "private, no-store");
        ApiFixture.as(fixture.staff).get("/api/v1/admin/jobs").then().header("Cache-Control", "private, no-store");
    }

    @Test
    void personalPathsArePrivateEvenAnonymous() {
        Response cart = given().redirects().follow(false).get("/api/v1/cart");
        cart.then().statusCode(401).header("Cache-Control", "private, no-store");
        securityHeaders(cart);
        for (String page : List.of("/cart", "/checkout", "/account", "/login", "/logout")) {
            given().redirects().follow(false).get(page).then().header("Cache-Control", "private, no-store");
        }
    }

    @Test
    void errorsAreNotStored() {
        Response missing = given().get("/api/v1/products/test-no-such-product");
        missing.then().statusCode(404).header("Cache-Control", "no-store");
        securityHeaders(missing);
        given().get("/api/test-probe/boom").then().statusCode(500).header("Cache-Control", "no-store");
    }

    @Test
    void resourcesKeepTheirOwnCachingAndCsp() {
        given().get("/images/products/test-mug/1.svg")
                .then()
                .statusCode(200)
                .header("Cache-Control", startsWith("public, max-age=86400"))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("Set-Cookie", nullValue());
        Response css = given().get("/static/css/kurashi.css");
        css.then()
                .statusCode(200)
                .header("Cache-Control", containsString("public"))
                .header("Set-Cookie", nullValue());
        securityHeaders(css);
    }

    @Test
    void swaggerUiMayRunItsInlineScript() {
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", ResponsePolicy.SWAGGER_CSP);
    }

    /** Every public URL, anonymous: if it may be cached it sets no cookie; if it sets a cookie it is private. */
    @Test
    void noCacheableAnswerSetsACookie() {
        ApiFixture fixture = ApiFixture.get();
        List<String> urls = new ArrayList<>(List.of(
                "/",
                "/products",
                "/search?q=mug",
                "/search?q=%E3%83%9E%E3%82%B0",
                "/api/v1/categories",
                "/api/v1/products",
                "/api/v1/search?q=mug",
                "/api/v1/products?limit=5",
                "/images/products/test-mug/1.svg",
                "/images/articles/test-article.svg",
                "/static/css/kurashi.css",
                "/static/js/kurashi.js",
                "/static/favicon.svg",
                "/q/health/live",
                "/q/openapi",
                "/no-such-page"));
        urls.add("/products/" + fixture.slug);
        urls.add("/api/v1/products/" + fixture.slug);
        urls.add("/categories/" + fixture.category);
        urls.add("/api/v1/products?category=" + fixture.category);
        List<String> violations = new ArrayList<>();
        int cacheable = 0;
        for (String url : urls) {
            Response response = given().redirects().follow(false).get(url);
            String cacheControl = response.header("Cache-Control");
            boolean sharedCacheable = cacheControl != null && cacheControl.contains("public");
            boolean setsCookie = response.header("Set-Cookie") != null;
            cacheable += sharedCacheable ? 1 : 0;
            if (setsCookie && (cacheControl == null || !cacheControl.contains("no-store") || sharedCacheable)) {
                violations.add(url + " sets a cookie with Cache-Control " + cacheControl);
            }
            if (response.statusCode() / 100 == 2 && cacheControl == null) {
                violations.add(url + " has no Cache-Control");
            }
        }
        assertEquals(List.of(), violations);
        assertTrue(cacheable >= 6, "too few public answers: " + cacheable);
    }

    /** Whoever sets a cookie on a public path (test probes), the answer becomes private. */
    @Test
    void aCookieMakesAnyAnswerPrivate() {
        given().get("/search/test-cookie-probe/none")
                .then()
                .statusCode(200)
                .header("Cache-Control", ResponsePolicy.PUBLIC_CATALOG);
        given().get("/search/test-cookie-probe/vertx")
                .then()
                .statusCode(200)
                .header("Set-Cookie", startsWith("probe="))
                .header("Cache-Control", "private, no-store");
        given().get("/search/test-cookie-probe/rest")
                .then()
                .statusCode(200)
                .header("Set-Cookie", startsWith("probe="))
                .header("Cache-Control", "private, no-store");
    }

    @Test
    void csrfCookieOnlyOnFormPages() {
        given().get("/images/products/test-mug/1.svg").then().header("Set-Cookie", nullValue());
        given().get("/api/v1/categories").then().header("Set-Cookie", nullValue());
        Response cart = given().redirects().follow(false).get("/cart");
        cart.then().statusCode(200).header("Cache-Control", "private, no-store");
        assertTrue(cart.getCookies().containsKey("csrf-token"), "the cart page has forms: it needs a CSRF token");
    }

    @Test
    void formPostsNeedTheCsrfToken() {
        Response post = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("sku", "TEST-X")
                .formParam("quantity", "1")
                .post("/cart/items");
        // a form is a page's: the refusal is the HTML error page (problem+json for the API)
        post.then().statusCode(400).contentType(startsWith("text/html"));
        // A JSON API call with a bearer token needs no CSRF token.
        ApiFixture fixture = ApiFixture.get();
        ApiFixture.as(fixture.customerB)
                .contentType("application/json")
                .body("{\"quantity\": 1}")
                .put("/api/v1/cart/items/" + fixture.sku)
                .then()
                .statusCode(200);
        ApiFixture.as(fixture.customerB)
                .delete("/api/v1/cart/items/" + fixture.sku)
                .then()
                .statusCode(200);
    }

    @Test
    void cacheControlRules() {
        assertEquals(
                ResponsePolicy.PUBLIC_CATALOG,
                ResponsePolicy.cacheControl(HttpMethod.GET, "/", 200, false, false, null));
        assertEquals(
                ResponsePolicy.PUBLIC_CATALOG,
                ResponsePolicy.cacheControl(HttpMethod.HEAD, "/products/x", 200, false, false, null));
        assertEquals(
                ResponsePolicy.PUBLIC_CATALOG,
                ResponsePolicy.cacheControl(HttpMethod.GET, "/api/v1/articles/x", 200, false, false, null));
        assertEquals(
                ResponsePolicy.PRIVATE,
                ResponsePolicy.cacheControl(HttpMethod.GET, "/products/x", 200, false, true, null));
        assertEquals(
                ResponsePolicy.PRIVATE,
                ResponsePolicy.cacheControl(HttpMethod.GET, "/products/x", 200, true, false, null));
        assertEquals(
                ResponsePolicy.PRIVATE,
                ResponsePolicy.cacheControl(HttpMethod.GET, "/images/x.svg", 200, false, true, "public, max-age=9"));
        assertEquals(
                ResponsePolicy.PRIVATE,
                ResponsePolicy.cacheControl(HttpMethod.GET, "/api/v1/admin/jobs", 200, false, false, null));
        assertEquals(
                ResponsePolicy.PRIVATE,
                ResponsePolicy.cacheControl(HttpMethod.GET, "/account/orders/1", 200, false, false, null));
        assertEquals(
                ResponsePolicy.NO_STORE,
                ResponsePolicy.cacheControl(HttpMethod.GET, "/products/x", 404, false, false, null));
        assertEquals(
                ResponsePolicy.NO_STORE,
                ResponsePolicy.cacheControl(HttpMethod.GET, "/products", 303, false, false, null));
        assertEquals(
                ResponsePolicy.NO_STORE,
                ResponsePolicy.cacheControl(HttpMethod.POST, "/products", 200, false, false, null));
        assertEquals(
                ResponsePolicy.NO_STORE,
                ResponsePolicy.cacheControl(HttpMethod.GET, "/productsx", 200, false, false, null));
        assertEquals(
                "public, max-age=9",
                ResponsePolicy.cacheControl(HttpMethod.GET, "/images/x.svg", 200, false, false, "public, max-age=9"));
        assertEquals(
                "public, max-age=9",
                ResponsePolicy.cacheControl(HttpMethod.GET, "/images/x.svg", 304, false, false, "public, max-age=9"));
        assertFalse(ResponsePolicy.CSP.contains("unsafe"));
    }
}
