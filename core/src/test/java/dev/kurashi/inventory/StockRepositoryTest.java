package dev.kurashi.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.catalog.CategoryRepository;
import dev.kurashi.catalog.Product;
import dev.kurashi.catalog.ProductRepository;
import dev.kurashi.catalog.Sku;
import dev.kurashi.catalog.SkuRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StockRepositoryTest {

    @Inject
    StockRepository stock;

    @Inject
    ProductRepository products;

    @Inject
    SkuRepository skus;

    @Inject
    CategoryRepository categories;

    @Inject
    EntityManager em;

    long skuId;
    long productId;

    @BeforeEach
    void createSku() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            Product product = new Product();
            product.slug = "test-stock-" + suffix;
            product.name = "在庫テスト用の商品";
            product.brand = "Test";
            product.description = "在庫の競合を確かめるための商品です。";
            product.category = categories.findBySlug("tableware").orElseThrow();
            products.persist(product);
            Sku sku = new Sku();
            sku.code = "TEST-" + suffix.toUpperCase();
            sku.product = product;
            sku.label = "標準";
            sku.priceJpy = 1100;
            skus.persist(sku);
            stock.persist(new Stock(sku.id, 20));
            productId = product.id;
            skuId = sku.id;
        });
    }

    @AfterEach
    void deleteSku() {
        QuarkusTransaction.requiringNew().run(() -> {
            stock.deleteById(skuId);
            skus.deleteById(skuId);
            products.deleteById(productId);
        });
    }

    @Test
    void fiftyBuyersRacingForTwentyUnitsGetExactlyTwenty() throws Exception {
        int buyers = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return QuarkusTransaction.requiringNew().call(() -> stock.tryDecrement(skuId, 1));
                }));
            }
            start.countDown();
            int taken = 0;
            for (Future<Integer> result : results) {
                taken += result.get();
            }
            assertEquals(20, taken);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, onHand());
    }

    @Test
    void takingMoreThanIsOnHandTakesNothing() {
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> stock.tryDecrement(skuId, 21)));
        assertEquals(20, onHand());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> stock.tryDecrement(skuId, 20)));
        assertEquals(0, onHand());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> stock.increment(skuId, 5)));
        assertEquals(5, onHand());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> stock.setOnHand(skuId, 7)));
        assertEquals(7, onHand());
    }

    @Test
    void theDatabaseRejectsNegativeStock() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE stock SET on_hand = -1 WHERE sku_id = ?1")
                        .setParameter(1, skuId)
                        .executeUpdate()));
        assertEquals("23514", sqlState(failure), "check_violation");
        assertEquals(20, onHand());
        assertThrows(IllegalArgumentException.class, () -> stock.setOnHand(skuId, -1));
    }

    private int onHand() {
        return QuarkusTransaction.requiringNew()
                .call(() -> stock.findByIdOptional(skuId).orElseThrow().onHand);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        assertTrue(false, "no SQLException in " + failure);
        return null;
    }
}
