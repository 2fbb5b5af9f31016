package dev.kurashi.shop.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.cache.ReadCaches;
import dev.kurashi.common.ReadDataSource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Catalog reads go to the read-only datasource {@code reader} (the Aurora reader endpoint in AWS; the same
 * database here, ADR 1001), not to the writer, and a cached read touches no database at all.
 */
@QuarkusTest
class ReaderDataSourceTest {

    @Inject
    @DataSource("reader")
    AgroalDataSource reader;

    @Inject
    ReadDataSource reads;

    @Inject
    ReadCaches caches;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void theShopAppReadsThroughTheDatasourceNamedReader() {
        assertEquals("reader", reads.name());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/products?limit=5",
                "/api/v1/products?category=tableware&limit=5",
                "/api/v1/categories",
                "/api/v1/products/mug-milk",
                "/products/mug-milk",
                "/categories/tableware"
            })
    void anUncachedCatalogReadUsesTheReader(String path) {
        given().get(path).then().statusCode(200);
        caches.invalidateAll();
        ReaderConnections connections = ReaderConnections.on(reader);
        given().get(path).then().statusCode(200);
        assertTrue(connections.count() > 0, path + " did not read from the reader datasource");
    }

    @Test
    void productListsReadNothingFromTheWriter() {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            caches.invalidateAll();
            statistics.clear();
            given().get("/api/v1/products?limit=20").then().statusCode(200);
            assertEquals(0, statistics.getPrepareStatementCount(), "statements on the writer");
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    @Test
    void aCachedReadTouchesNoDatabase() {
        given().get("/api/v1/products/mug-milk").then().statusCode(200);
        given().get("/api/v1/products?limit=7").then().statusCode(200);
        ReaderConnections connections = ReaderConnections.on(reader);
        given().get("/api/v1/products/mug-milk").then().statusCode(200);
        given().get("/api/v1/products?limit=7").then().statusCode(200);
        assertEquals(0, connections.count(), "connections taken for cached reads");
    }
}
