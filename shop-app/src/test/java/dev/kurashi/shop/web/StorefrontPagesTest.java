package dev.kurashi.shop.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.CategoryView;
import dev.kurashi.catalog.ProductDetail;
import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.catalog.SkuView;
import dev.kurashi.common.PageRequest;
import dev.kurashi.reading.ArticleService;
import dev.kurashi.reading.ArticleSummary;
import dev.kurashi.reading.web.ArticleDates;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The storefront pages over HTTP: what a visitor without a browser would see. */
@QuarkusTest
class StorefrontPagesTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    CatalogService catalog;

    @Inject
    ArticleService articles;

    @Test
    void publicPagesAreHtmlAndSetNoCookie() {
        ProductSummary product = inStockProduct();
        CategoryView category = catalog.categories().getFirst();
        for (String path : List.of(
                "/", "/products", "/categories/" + category.slug(), "/products/" + product.slug(), "/search?q=マグ")) {
            Response response = given().redirects().follow(false).when().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.contentType()).as(path).startsWith("text/html");
            assertThat(response.headers().getValues("Set-Cookie")).as(path).isEmpty();
            assertThat(response.body().asString()).as(path).contains("<html lang=\"ja\">");
        }
    }

    @Test
    void homeShowsProductsAndCategories() {
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("新着の道具"))
                .body(containsString("カテゴリーから探す"))
                .body(containsString(catalog.categories().getFirst().name()));
    }

    @Test
    void homeFeaturesTheLatestArticles() {
        List<ArticleSummary> latest = articles.latest(HomePage.FEATURED_ARTICLES);
        assertThat(latest).hasSize(HomePage.FEATURED_ARTICLES);
        String home = given().get("/").then().statusCode(200).extract().asString();
        String slot = home.substring(home.indexOf("id=\"featured-articles\""));
        for (ArticleSummary article : latest) {
            assertThat(slot).contains("href=\"/articles/" + article.slug() + "\"");
            assertThat(slot).contains(ArticleDates.tokyoDate(article.publishedAt()));
        }
        assertThat(slot).containsPattern("<p class=\"article-card__meta\">\\d{4}年\\d{1,2}月\\d{1,2}日</p>");
    }

    @Test
    void searchShowsMatchingArticles() {
        given().when()
                .get("/search?q=白樺")
                .then()
                .statusCode(200)
                .body(containsString("product-card"))
                .body(containsString("id=\"search-articles\""))
                .body(containsString("href=\"/articles/birch-tools-life\""));
    }

    @Test
    void productPageShowsPriceTaxAndSkuChoice() {
        ProductSummary summary = inStockProduct();
        ProductDetail product = catalog.product(summary.slug());
        SkuView sku =
                product.skus().stream().filter(SkuView::available).findFirst().orElseThrow();
        given().when()
                .get("/products/" + product.slug())
                .then()
                .statusCode(200)
                .body(containsString(product.name()))
                .body(containsString("（税込）"))
                .body(containsString(product.taxRate() == 8 ? "軽減税率8%対象" : "消費税10%込み"))
                .body(containsString("value=\"" + sku.sku() + "\""))
                .body(containsString("カートに入れる"))
                .body(containsString("お気に入りに追加"));
    }

    @Test
    void unknownPagesAreHtml404() {
        given().when()
                .get("/products/no-such-product-anywhere")
                .then()
                .statusCode(404)
                .contentType(startsWith("text/html"))
                .body(containsString("ページが見つかりませんでした"));
        given().when().get("/categories/no-such-category").then().statusCode(404);
    }

    @Test
    void searchFindsMugs() {
        given().when()
                .get("/search?q=マグ")
                .then()
                .statusCode(200)
                .body(containsString("「マグ」の検索結果"))
                .body(containsString("product-card"));
    }

    @Test
    void listingPagesLinkTheNextPage() {
        given().when()
                .get("/products")
                .then()
                .statusCode(200)
                .body(containsString("rel=\"next\""))
                .body(containsString("1ページ目"));
        String next = given().get("/products").body().asString();
        Matcher link = Pattern.compile("href=\"(/products\\?cursor=[^\"]+)\" rel=\"next\"")
                .matcher(next);
        assertThat(link.find()).isTrue();
        given().urlEncodingEnabled(false)
                .when()
                .get(link.group(1).replace("&amp;", "&"))
                .then()
                .statusCode(200)
                .body(containsString("2ページ目"))
                .body(containsString("rel=\"prev\""));
    }

    @Test
    void homePageNewArrivalsSpanSeveralKinds() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        String section = html.substring(html.indexOf("id=\"new-title\""));
        section = section.substring(0, section.indexOf("</section>"));
        Matcher link = Pattern.compile("href=\"/products/([a-z0-9-]+)\"").matcher(section);
        List<String> categories = new java.util.ArrayList<>();
        while (link.find()) {
            categories.add(catalog.product(link.group(1)).category());
        }
        assertThat(categories).hasSizeGreaterThanOrEqualTo(4);
        assertThat(categories.stream().distinct().count())
                .as("new arrivals are not all one kind: " + categories)
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void readingPagesShowTheShopsCategoryBar() {
        String shopBar = categoryBar(given().when().get("/products").asString());
        String readingBar = categoryBar(given().when().get("/articles").asString());
        assertThat(readingBar).isEqualTo(shopBar);
        assertThat(shopBar).contains("/categories/tableware").doesNotContain("/categories/mugs-cups");
    }

    private static String categoryBar(String html) {
        int start = html.indexOf("<nav class=\"site-nav\"");
        assertThat(start).as("the page has the category bar").isGreaterThanOrEqualTo(0);
        return html.substring(start, html.indexOf("</nav>", start));
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() {
        SkuView sku = availableSku();
        given().contentType(ContentType.URLENC)
                .formParam("sku", sku.sku())
                .formParam("quantity", "1")
                .redirects()
                .follow(false)
                .when()
                .post("/cart/items")
                .then()
                .statusCode(400)
                .header("Set-Cookie", nullValue());
    }

    @Test
    void guestAddsToCartThroughTheConfirmStep() {
        SkuView sku = availableSku();
        Response confirm = given().when().get("/cart?add=" + sku.sku() + "&quantity=2");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.header("Cache-Control")).contains("no-store");
        assertThat(confirm.body().asString()).contains("この商品をカートに入れますか").contains("value=\"2\"");
        String csrfCookie = confirm.cookie("csrf-token");
        String token = csrfToken(confirm.body().asString());

        Response added = given().contentType(ContentType.URLENC)
                .cookie("csrf-token", csrfCookie)
                .formParam("csrf-token", token)
                .formParam("sku", sku.sku())
                .formParam("quantity", "2")
                .redirects()
                .follow(false)
                .when()
                .post("/cart/items");
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.header("Location")).endsWith("/cart?added=1");
        String setCookie = added.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(GuestCart.COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String cart = added.cookie(GuestCart.COOKIE);

        given().cookie(GuestCart.COOKIE, cart)
                .when()
                .get("/cart?added=1")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("private"))
                .body(containsString("カートに追加しました"))
                .body(containsString("name=\"sku\" value=\"" + sku.sku() + "\""))
                .body(containsString("ログインしてご購入手続きへ"));

        // a cookie edited by hand is an empty cart, never a cart with other contents
        String forged = cart.substring(0, cart.lastIndexOf('.') + 1) + "AAAA";
        given().cookie(GuestCart.COOKIE, forged)
                .when()
                .get("/cart")
                .then()
                .statusCode(200)
                .body(containsString("カートに商品はありません"))
                .body(not(containsString("value=\"" + sku.sku() + "\"")));
    }

    @Test
    void productPageAddsToTheCartInOneStepAndStaysCacheable() {
        SkuView sku = availableSku();
        String slug = inStockProduct().slug();
        Response page = given().when().get("/products/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Set-Cookie"))
                .as("a cacheable page sets no cookie")
                .isNull();
        assertThat(page.header("Cache-Control")).contains("public");
        assertThat(page.body().asString())
                .contains("action=\"/cart/add\" enctype=\"text/plain\"")
                .doesNotContain("csrf-token");

        Response added = given().contentType("text/plain")
                .header("Sec-Fetch-Site", "same-origin")
                .body("sku=" + sku.sku() + "\r\nquantity=2\r\n")
                .redirects()
                .follow(false)
                .when()
                .post("/cart/add");
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.header("Location")).endsWith("/cart?added=1");
        given().cookie(GuestCart.COOKIE, added.cookie(GuestCart.COOKIE))
                .when()
                .get("/cart?added=1")
                .then()
                .statusCode(200)
                .body(containsString("カートに追加しました"))
                .body(containsString("name=\"quantity\" value=\"2\""))
                .body(containsString("name=\"sku\" value=\"" + sku.sku() + "\""));

        // without Sec-Fetch-Site (older browsers) the Origin must be this host
        given().contentType("text/plain")
                .header("Origin", "http://" + "localhost:" + io.restassured.RestAssured.port)
                .header("Host", "localhost:" + io.restassured.RestAssured.port)
                .body("sku=" + sku.sku() + "\r\nquantity=1\r\n")
                .redirects()
                .follow(false)
                .when()
                .post("/cart/add")
                .then()
                .statusCode(303);
    }

    @Test
    void oneStepAddFromAnotherSiteIsRefused() {
        SkuView sku = availableSku();
        List<Map<String, String>> attempts = List.of(
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"),
                Map.of("Sec-Fetch-Site", "same-site", "Origin", "https://shop.evil.example"),
                Map.of("Origin", "https://evil.example"),
                Map.of("Origin", "null"),
                Map.of());
        for (Map<String, String> headers : attempts) {
            given().contentType("text/plain")
                    .headers(headers)
                    .body("sku=" + sku.sku() + "\r\nquantity=1\r\n")
                    .redirects()
                    .follow(false)
                    .when()
                    .post("/cart/add")
                    .then()
                    .statusCode(403)
                    .header("Set-Cookie", nullValue());
        }
    }

    @Test
    void quantityOutOfRangeIsShownInJapanese() {
        SkuView sku = availableSku();
        Response confirm = given().when().get("/cart?add=" + sku.sku());
        given().contentType(ContentType.URLENC)
                .cookie("csrf-token", confirm.cookie("csrf-token"))
                .formParam("csrf-token", csrfToken(confirm.body().asString()))
                .formParam("sku", sku.sku())
                .formParam("quantity", "1000")
                .when()
                .post("/cart/items")
                .then()
                .statusCode(400)
                .contentType(startsWith("text/html"))
                .body(containsString("数量は1から99までの数字で入力してください"));
    }

    @Test
    void signedInPagesSendAnonymousVisitorsToTheIssuer() {
        for (String path : List.of("/checkout", "/account/orders", "/account/favorites", "/login?redirect=/cart")) {
            Response response = given().redirects().follow(false).when().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.header("Location")).as(path).contains("/authorize");
        }
    }

    private ProductSummary inStockProduct() {
        return catalog.listProducts(null, PageRequest.first(100)).items().stream()
                .filter(ProductSummary::inStock)
                .findFirst()
                .orElseThrow();
    }

    private SkuView availableSku() {
        return catalog.product(inStockProduct().slug()).skus().stream()
                .filter(SkuView::available)
                .findFirst()
                .orElseThrow();
    }

    private static String csrfToken(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        assertThat(m.find()).as("CSRF field in the form").isTrue();
        return m.group(1);
    }
}
