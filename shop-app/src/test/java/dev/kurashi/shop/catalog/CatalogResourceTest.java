package dev.kurashi.shop.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.cache.ReadCaches;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** The public catalog API against the seeded devstack database; field names exactly as docs/api.md. */
@QuarkusTest
class CatalogResourceTest {

    private static final Set<String> LIST_ITEM =
            Set.of("id", "slug", "name", "brand", "priceJpy", "imageUrl", "inStock");
    private static final Set<String> DETAIL = Set.of(
            "id", "slug", "name", "brand", "description", "category", "images", "taxRate", "skus", "relatedArticles");

    @Inject
    SessionFactory sessionFactory;

    @Inject
    EntityManager em;

    @Inject
    ReadCaches caches;

    @Inject
    @DataSource("reader")
    AgroalDataSource reader;

    @Test
    void categoriesHaveSlugNameAndParentSlug() {
        JsonPath body = given().get("/api/v1/categories")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> categories = body.getList("$");
        for (Map<String, Object> c : categories) {
            assertEquals(Set.of("slug", "name", "parent"), c.keySet());
        }
        assertTrue(categories.contains(Map.of("slug", "mugs-cups", "name", "マグ・カップ", "parent", "tableware")));
        assertTrue(categories.stream().anyMatch(c -> "tableware".equals(c.get("slug")) && c.get("parent") == null));
    }

    @Test
    void listItemsHaveExactlyTheContractFields() {
        JsonPath body = given().queryParam("limit", 5)
                .get("/api/v1/products")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(Set.of("items", "nextCursor"), body.getMap("$").keySet());
        List<Map<String, Object>> items = body.getList("items");
        assertEquals(5, items.size());
        for (Map<String, Object> item : items) {
            assertEquals(LIST_ITEM, item.keySet());
        }
        assertTrue(body.getString("nextCursor") != null);
    }

    @Test
    void pagingWithTheCursorVisitsEveryProductOfACategoryOnce() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("category", "mugs-cups").queryParam("limit", 6);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/products")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (String slug : page.<String>getList("items.slug")) {
                assertTrue(seen.add(slug), "seen twice: " + slug);
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        long expected = QuarkusTransaction.requiringNew().call(() -> ((Number)
                        em.createNativeQuery("SELECT count(*) FROM products p JOIN categories c ON c.id = p.category_id"
                                        + " WHERE p.active AND c.slug = 'mugs-cups'")
                                .getSingleResult())
                .longValue());
        assertEquals(expected, seen.size());
        assertTrue(pages > 2);
        assertTrue(seen.containsAll(List.of("stoneware-mug", "mug-milk")));
    }

    @Test
    void parentCategoryListsItsChildrensProducts() {
        List<String> slugs = given().queryParam("category", "tableware")
                .queryParam("limit", 100)
                .get("/api/v1/products")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.slug");
        assertTrue(slugs.contains("stoneware-mug"));
    }

    @Test
    void unknownCategoryIs404Problem() {
        given().queryParam("category", "no-such-category")
                .get("/api/v1/products")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404));
    }

    @Test
    void badLimitOrCursorIs400() {
        for (String limit : List.of("0", "101", "abc", "-1")) {
            given().queryParam("limit", limit)
                    .get("/api/v1/products")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().queryParam("cursor", "!!not-base64!!")
                .get("/api/v1/products")
                .then()
                .statusCode(400);
    }

    @Test
    void productDetailHasExactlyTheContractFields() {
        JsonPath body = given().get("/api/v1/products/stoneware-mug")
                .then()
                .statusCode(200)
                .body("slug", is("stoneware-mug"))
                .body("name", is("ストーンウェア マグ"))
                .body("category", is("mugs-cups"))
                .body("taxRate", is(10))
                .body("images", everyItem(startsWith("/images/products/stoneware-mug/")))
                .body("skus.sku", hasItem("MUG-STONE-WH"))
                .extract()
                .jsonPath();
        assertEquals(DETAIL, body.getMap("$").keySet());
        for (Map<String, Object> sku : body.<Map<String, Object>>getList("skus")) {
            assertEquals(Set.of("sku", "label", "priceJpy", "available"), sku.keySet());
        }
        for (Map<String, Object> article : body.<Map<String, Object>>getList("relatedArticles")) {
            assertEquals(Set.of("slug", "title"), article.keySet());
        }
    }

    @Test
    void unknownProductIs404Problem() {
        given().get("/api/v1/products/no-such-product")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("title", equalTo("Not found"))
                .body("trace", nullValue());
    }

    /**
     * No N+1: a page of 50 costs the same statements as a page of 5. Measured with the read caches made stale, on
     * the writer (Hibernate's statements) and the reader (one connection per catalog query).
     */
    @Test
    void statementCountDoesNotGrowWithPageSize() {
        long five = statementsFor("/api/v1/products?limit=5");
        long fifty = statementsFor("/api/v1/products?limit=50");
        assertEquals(five, fifty, "statements for 5 vs 50 items");
        assertTrue(five <= 5, "statements per page: " + five);
        assertEquals(
                statementsFor("/api/v1/products?category=tableware&limit=5"),
                statementsFor("/api/v1/products?category=tableware&limit=50"));
    }

    private long statementsFor(String path) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            given().get(path).then().statusCode(200); // warm up
            caches.invalidateAll();
            statistics.clear();
            ReaderConnections connections = ReaderConnections.on(reader);
            given().get(path).then().statusCode(200);
            return statistics.getPrepareStatementCount() + connections.count();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }
}
