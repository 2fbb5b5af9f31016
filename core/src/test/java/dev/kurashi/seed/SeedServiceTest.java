package dev.kurashi.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.catalog.CategoryRepository;
import dev.kurashi.catalog.ProductRepository;
import dev.kurashi.reading.ArticleRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

/**
 * The seed ran at start-up (kurashi.seed.enabled=true in the test profile). Other tests add rows whose
 * slugs start with "test-"; the seeded figures are counted without them.
 */
@QuarkusTest
class SeedServiceTest {

    @Inject
    SeedService seed;

    @Inject
    EntityManager em;

    @Inject
    ProductRepository products;

    @Inject
    CategoryRepository categories;

    @Inject
    ArticleRepository articles;

    @Test
    @Transactional
    void seedsAShopWithRealisticFigures() {
        SeedCounts counts = seed.counts();
        assertEquals(12, categories.count());
        assertTrue(seeded("SELECT count(*) FROM products WHERE slug NOT LIKE 'test-%'") >= 300, counts.toString());
        assertTrue(counts.skus() > counts.products(), "products have 1-4 SKUs: " + counts);
        assertEquals(
                0,
                seeded("SELECT count(*) FROM skus s JOIN products p ON p.id = s.product_id"
                        + " WHERE p.slug NOT LIKE 'test-%' AND s.price_jpy NOT BETWEEN 480 AND 98000"),
                "realistic yen prices");
        assertEquals(
                0,
                seeded("SELECT count(*) FROM products p WHERE p.slug NOT LIKE 'test-%'"
                        + " AND (NOT EXISTS (SELECT 1 FROM skus s WHERE s.product_id = p.id)"
                        + " OR NOT EXISTS (SELECT 1 FROM product_images i WHERE i.product_id = p.id))"),
                "every product has a SKU and an image");
        assertEquals("マグ・カップ", categories.findBySlug("mugs-cups").orElseThrow().name);
    }

    @Test
    @Transactional
    void foodIsTaxedAtTheReducedRateAndEverythingElseAtTheStandardRate() {
        assertEquals(
                0,
                seeded("SELECT count(*) FROM products p JOIN categories c ON c.id = p.category_id"
                        + " WHERE p.slug NOT LIKE 'test-%'"
                        + " AND (c.slug IN ('coffee-tea', 'sweets-food')) <> (p.tax_rate = 8)"));
        assertTrue(seed.counts().reducedRateProducts() >= 50);
    }

    @Test
    @Transactional
    void aboutEightPercentOfProductsAreSoldOut() {
        long soldOut = seeded(
                "SELECT count(*) FROM products p WHERE p.slug NOT LIKE 'test-%' AND NOT EXISTS"
                        + " (SELECT 1 FROM skus s JOIN stock st ON st.sku_id = s.id WHERE s.product_id = p.id AND st.on_hand > 0)");
        long all = seeded("SELECT count(*) FROM products WHERE slug NOT LIKE 'test-%'");
        assertTrue(soldOut >= all * 4 / 100 && soldOut <= all * 14 / 100, soldOut + " of " + all + " sold out");
        assertEquals(
                0,
                seeded("SELECT count(*) FROM skus s WHERE NOT EXISTS (SELECT 1 FROM stock st WHERE st.sku_id = s.id)"));
    }

    @Test
    @Transactional
    void productsThatSearchTestsRelyOnExist() {
        assertEquals("ストーンウェア マグ", products.findBySlug("stoneware-mug").orElseThrow().name);
        assertTrue(
                products.findBySlug("stoneware-mug").orElseThrow().description.contains("mug"));
        assertEquals("マグカップ ミルク", products.findBySlug("mug-milk").orElseThrow().name);
        assertEquals("白樺のカッティングボード", products.findBySlug("birch-cutting-board").orElseThrow().name);
        assertEquals("リネンのキッチンクロス", products.findBySlug("linen-kitchen-cloth").orElseThrow().name);
    }

    @Test
    @Transactional
    void sixtyArticlesOfWhichFiftySixArePublishedAndAllFeatureProducts() {
        String seededArticles = " FROM articles a WHERE a.slug NOT LIKE 'test-%'";
        assertEquals(60, seeded("SELECT count(*)" + seededArticles));
        assertEquals(56, seeded("SELECT count(*)" + seededArticles + " AND a.publish_at <= now()"));
        assertEquals(2, seeded("SELECT count(*)" + seededArticles + " AND a.publish_at > now()"));
        assertEquals(2, seeded("SELECT count(*)" + seededArticles + " AND a.publish_at IS NULL"));
        assertEquals(
                0,
                seeded(
                        "SELECT count(*)" + seededArticles
                                + " AND (SELECT count(*) FROM article_products ap WHERE ap.article_id = a.id) NOT BETWEEN 2 AND 4"));
        assertEquals(
                0,
                seeded("SELECT count(*)" + seededArticles
                        + " AND (SELECT count(*) FROM article_tags t WHERE t.article_id = a.id) NOT BETWEEN 1 AND 3"));
        assertTrue(
                seeded("SELECT count(*)" + seededArticles + " AND a.publish_at < now() - interval '300 days'") > 0,
                "published dates spread over the past year");
        assertTrue(articles.findPublishedBySlug("linen-life").isPresent());
    }

    @Test
    void seedingAgainChangesNothing() {
        SeedCounts before = seed.counts();
        assertFalse(QuarkusTransaction.requiringNew().call(seed::seedIfEmpty));
        assertEquals(before, seed.counts());
    }

    private long seeded(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
