package dev.kurashi.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.common.DomainException;
import dev.kurashi.common.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProductAdminServiceTest {

    @Inject
    ProductAdminService admin;

    @Inject
    CatalogService catalog;

    @Inject
    EntityManager em;

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static SaveProductCommand command(String slug, String category, String... skuCodes) {
        List<SaveProductCommand.SkuLine> skus = new ArrayList<>();
        for (int i = 0; i < skuCodes.length; i++) {
            skus.add(new SaveProductCommand.SkuLine(skuCodes[i], "色" + i, 1000 + 100 * i));
        }
        return new SaveProductCommand(
                slug,
                "テスト商品 " + slug,
                "Test Brand",
                "テスト用の説明です。",
                category,
                10,
                List.of("/images/products/" + slug + "/1.svg", "https://cdn.example.com/p/" + slug + ".jpg"),
                skus);
    }

    /** Outbox rows of an aggregate as "EventType" strings, oldest first. */
    List<String> outbox(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT event_type FROM outbox WHERE aggregate_id = ?1 ORDER BY id", String.class)
                .setParameter(1, aggregateId)
                .getResultList()
                .stream()
                .map(Object::toString)
                .toList());
    }

    @Test
    void createWritesProductSkusStockAndOneProductChanged() {
        String slug = "test-create-" + suffix();
        String sku = "TEST-" + suffix().toUpperCase();
        ProductDetail created = admin.create(command(slug, "tableware", sku, sku + "-B"));

        assertEquals(slug, created.slug());
        assertEquals("tableware", created.category());
        assertEquals(2, created.skus().size());
        assertFalse(created.skus().getFirst().available());
        assertEquals(2, created.images().size());
        assertEquals(List.of("ProductChanged"), outbox(slug));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                                "SELECT sum(on_hand) FROM stock s JOIN skus k ON k.id = s.sku_id WHERE k.code LIKE ?1")
                        .setParameter(1, sku + "%")
                        .getSingleResult())
                .intValue()));
    }

    @Test
    void takenSlugOrSkuIsConflictAndWritesNothing() {
        String slug = "test-taken-" + suffix();
        String sku = "TEST-" + suffix().toUpperCase();
        admin.create(command(slug, "tableware", sku));

        var sameSlug = assertThrows(
                DomainException.class,
                () -> admin.create(command(slug, "tableware", "TEST-OTHER-" + suffix().toUpperCase())));
        assertEquals(DomainException.Kind.CONFLICT, sameSlug.kind());
        String other = "test-taken2-" + suffix();
        var sameSku = assertThrows(DomainException.class, () -> admin.create(command(other, "tableware", sku)));
        assertEquals(DomainException.Kind.CONFLICT, sameSku.kind());
        assertEquals(List.of(), outbox(other));
        assertEquals(List.of("ProductChanged"), outbox(slug));
    }

    @Test
    void unknownCategoryIsInvalidNamingTheField() {
        var e = assertThrows(
                DomainException.class,
                () -> admin.create(
                        command("test-cat-" + suffix(), "no-such-category", "TEST-" + suffix().toUpperCase())));
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertTrue(
                e.extensions().get("errors").toString().contains("field=category"),
                e.extensions().toString());
    }

    @Test
    void scriptUrlsAreRejected() {
        for (String url : List.of(
                "javascript:alert(1)",
                "//evil.example/x.png",
                "http://plain.example/x.png",
                "data:image/png;base64,AA",
                "/img/\"onerror=x")) {
            SaveProductCommand c = command("test-url-" + suffix(), "tableware", "TEST-" + suffix().toUpperCase());
            SaveProductCommand bad = new SaveProductCommand(
                    c.slug(), c.name(), c.brand(), c.description(), c.category(), 10, List.of(url), c.skus());
            var e = assertThrows(DomainException.class, () -> admin.create(bad), url);
            assertEquals(DomainException.Kind.INVALID, e.kind());
        }
    }

    @Test
    void replaceHidesLeftOutSkusAddsNewOnesAndShowsThemAgain() {
        String slug = "test-replace-" + suffix();
        String a = "TEST-A-" + suffix().toUpperCase();
        String b = "TEST-B-" + suffix().toUpperCase();
        String c = "TEST-C-" + suffix().toUpperCase();
        admin.create(command(slug, "tableware", a, b));

        ProductDetail replaced = admin.replace(slug, command(slug, "mugs-cups", a, c));
        assertEquals(List.of(a, c), replaced.skus().stream().map(SkuView::sku).toList());
        assertEquals("mugs-cups", replaced.category());

        ProductDetail again = admin.replace(slug, command(slug, "mugs-cups", b));
        assertEquals(List.of(b), again.skus().stream().map(SkuView::sku).toList());
        assertEquals(List.of("ProductChanged", "ProductChanged", "ProductChanged"), outbox(slug));
    }

    @Test
    void failedTransactionLeavesNoOutboxRow() {
        String slug = "test-rollback-" + suffix();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    admin.create(command(slug, "tableware", "TEST-" + suffix().toUpperCase()));
                    throw new IllegalStateException("the caller fails after the change");
                }));
        assertEquals(List.of(), outbox(slug));
        assertThrows(DomainException.class, () -> catalog.product(slug));
    }

    @Test
    void stockFromZeroWritesStockReplenishedAndProductChanged() {
        String slug = "test-stock-" + suffix();
        String sku = "TEST-" + suffix().toUpperCase();
        admin.create(command(slug, "tableware", sku));

        assertEquals(5, admin.setStock(sku, 5).quantity());
        assertEquals(List.of("StockReplenished"), outbox(sku));
        assertEquals(List.of("ProductChanged", "ProductChanged"), outbox(slug));
        admin.setStock(sku, 7); // 5 → 7: no event
        assertEquals(List.of("StockReplenished"), outbox(sku));
        assertEquals(2, outbox(slug).size());
        admin.setStock(sku, 0); // sold out: availability changed
        assertEquals(3, outbox(slug).size());
        assertTrue(catalog.product(slug).skus().stream().noneMatch(SkuView::available));

        assertEquals(
                DomainException.Kind.NOT_FOUND,
                assertThrows(DomainException.class, () -> admin.setStock("NO-SUCH-SKU-" + suffix().toUpperCase(), 1))
                        .kind());
        assertEquals(
                DomainException.Kind.INVALID,
                assertThrows(DomainException.class, () -> admin.setStock(sku, -1))
                        .kind());
    }

    @Test
    void concurrentStockTakesFromZeroReplenishOnce() throws Exception {
        String slug = "test-race-" + suffix();
        String sku = "TEST-" + suffix().toUpperCase();
        admin.create(command(slug, "tableware", sku));
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return admin.setStock(sku, 5);
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("StockReplenished"), outbox(sku));
        assertEquals(List.of("ProductChanged", "ProductChanged"), outbox(slug));
    }

    @Test
    void listPagesVisitEveryProductOfACategoryOnce() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = catalog.listProducts("mugs-cups", PageRequest.of(cursor, 7));
            for (ProductSummary p : page.items()) {
                assertTrue(seen.add(p.slug()), "seen twice: " + p.slug());
            }
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        long expected = QuarkusTransaction.requiringNew().call(() -> ((Number)
                        em.createNativeQuery("SELECT count(*) FROM products p JOIN categories c ON c.id = p.category_id"
                                        + " WHERE p.active AND c.slug = 'mugs-cups'")
                                .getSingleResult())
                .longValue());
        assertEquals(expected, seen.size());
        assertTrue(pages > 1);
        assertTrue(seen.contains("stoneware-mug"));
    }
}
