package dev.kurashi.seed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Fills an empty database with the demo catalog and articles when {@code kurashi.seed.enabled=true}
 * (local runs and tests only). Plain JDBC batches in one transaction: a few thousand rows in well under
 * a second. Foreign keys are resolved by natural key (slug, SKU code) inside the SQL, so no generated id
 * travels back to Java.
 */
@ApplicationScoped
public class SeedService {

    private static final Logger LOG = Logger.getLogger(SeedService.class);

    /** pg_advisory_xact_lock key ("kurashi" + 1): apps starting together seed once. */
    static final long LOCK_KEY = 0x6b75726173686901L;

    private static final List<String> IMAGE_ALT_SUFFIX = List.of("", "（使用イメージ）", "（ディテール）");

    /** Fixed, so every developer and every test run sees the same shop. */
    private static final long RANDOM_SEED = 20261124L;

    private final SeedConfig config;
    private final Session session;

    public SeedService(SeedConfig config, Session session) {
        this.config = config;
        this.session = session;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        long started = System.nanoTime();
        boolean seeded = QuarkusTransaction.requiringNew().call(this::seedIfEmpty);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (seeded) {
            LOG.infof("Seeded demo data in %d ms: %s", millis, counts());
        } else {
            LOG.debug("Database already holds products; seed skipped");
        }
    }

    /** Seeds unless products exist. Must run in a transaction (the advisory lock lasts until its end). */
    boolean seedIfEmpty() {
        return session.doReturningWork(SeedService::seedIfEmptyOver);
    }

    /**
     * Seeds unless products exist, on a connection in a transaction (the advisory lock lasts until its end). Public
     * for tests of packaged apps, which hold no demo data and get it over JDBC once the schema is migrated.
     */
    public static boolean seedIfEmptyOver(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
        }
        try (PreparedStatement exists = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM products)");
                ResultSet rs = exists.executeQuery()) {
            rs.next();
            if (rs.getBoolean(1)) {
                return false;
            }
        }
        Random random = new Random(RANDOM_SEED);
        Instant now = Instant.now();
        List<CatalogSeed.ProductRow> products = CatalogSeed.products(random);
        insertCategories(connection);
        insertProducts(connection, products, now);
        insertArticles(connection, ArticleSeed.articles(products, now, random));
        return true;
    }

    @Transactional
    public SeedCounts counts() {
        return session.doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT"
                            + " (SELECT count(*) FROM categories),"
                            + " (SELECT count(*) FROM products),"
                            + " (SELECT count(*) FROM skus),"
                            + " (SELECT count(*) FROM products p WHERE NOT EXISTS (SELECT 1 FROM skus s"
                            + "   JOIN stock st ON st.sku_id = s.id WHERE s.product_id = p.id AND st.on_hand > 0)),"
                            + " (SELECT count(*) FROM products WHERE tax_rate = 8),"
                            + " (SELECT count(*) FROM articles),"
                            + " (SELECT count(*) FROM articles WHERE publish_at <= now())");
                    ResultSet rs = query.executeQuery()) {
                rs.next();
                return new SeedCounts(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7));
            }
        });
    }

    private static void insertCategories(Connection connection) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO categories (slug, name, parent_id, sort_order)"
                        + " VALUES (?, ?, (SELECT id FROM categories WHERE slug = ?), ?)")) {
            // Parents first: a child's sub-select must find its parent.
            for (boolean children : new boolean[] {false, true}) {
                int order = 0;
                for (CatalogSeed.CategoryDef category : CatalogSeed.CATEGORIES) {
                    order += 10;
                    if ((category.parentSlug() != null) == children) {
                        insert.setString(1, category.slug());
                        insert.setString(2, category.name());
                        insert.setString(3, category.parentSlug());
                        insert.setInt(4, order);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        }
    }

    private static void insertProducts(Connection connection, List<CatalogSeed.ProductRow> products, Instant now)
            throws SQLException {
        try (PreparedStatement product = connection.prepareStatement(
                        "INSERT INTO products (slug, name, brand, description, category_id, tax_rate, created_at,"
                                + " updated_at) VALUES (?, ?, ?, ?, (SELECT id FROM categories WHERE slug = ?), ?, ?, ?)");
                PreparedStatement image =
                        connection.prepareStatement("INSERT INTO product_images (product_id, url, alt, sort_order)"
                                + " VALUES ((SELECT id FROM products WHERE slug = ?), ?, ?, ?)");
                PreparedStatement sku =
                        connection.prepareStatement("INSERT INTO skus (code, product_id, label, price_jpy, sort_order)"
                                + " VALUES (?, (SELECT id FROM products WHERE slug = ?), ?, ?, ?)");
                PreparedStatement stock = connection.prepareStatement(
                        "INSERT INTO stock (sku_id, on_hand) SELECT id, ? FROM skus WHERE code = ?")) {
            for (int i = 0; i < products.size(); i++) {
                CatalogSeed.ProductRow row = products.get(i);
                // Older products first in the list; each one a day apart.
                OffsetDateTime created = timestamptz(now.minusSeconds(86_400L * (products.size() - i)));
                product.setString(1, row.slug());
                product.setString(2, row.name());
                product.setString(3, row.brand());
                product.setString(4, row.description());
                product.setString(5, row.categorySlug());
                product.setShort(6, row.taxRate());
                product.setObject(7, created);
                product.setObject(8, created);
                product.addBatch();
                for (int n = 1; n <= row.imageCount(); n++) {
                    image.setString(1, row.slug());
                    image.setString(2, "/images/products/" + row.slug() + "/" + n + ".svg");
                    image.setString(3, row.name() + IMAGE_ALT_SUFFIX.get(n - 1));
                    image.setInt(4, n);
                    image.addBatch();
                }
                for (int s = 0; s < row.skus().size(); s++) {
                    CatalogSeed.SkuRow skuRow = row.skus().get(s);
                    sku.setString(1, skuRow.code());
                    sku.setString(2, row.slug());
                    sku.setString(3, skuRow.label());
                    sku.setInt(4, skuRow.priceJpy());
                    sku.setInt(5, s);
                    sku.addBatch();
                    stock.setInt(1, skuRow.onHand());
                    stock.setString(2, skuRow.code());
                    stock.addBatch();
                }
            }
            product.executeBatch();
            image.executeBatch();
            sku.executeBatch();
            stock.executeBatch();
        }
    }

    private static void insertArticles(Connection connection, List<ArticleSeed.ArticleRow> articles)
            throws SQLException {
        try (PreparedStatement article = connection.prepareStatement(
                        "INSERT INTO articles (slug, title, lead, body_html, hero_image_url, publish_at, created_at,"
                                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement tag = connection.prepareStatement(
                        "INSERT INTO article_tags (article_id, tag) VALUES ((SELECT id FROM articles WHERE slug = ?), ?)");
                PreparedStatement featured = connection.prepareStatement(
                        "INSERT INTO article_products (article_id, product_id, sort_order) VALUES"
                                + " ((SELECT id FROM articles WHERE slug = ?), (SELECT id FROM products WHERE slug = ?), ?)")) {
            for (ArticleSeed.ArticleRow row : articles) {
                article.setString(1, row.slug());
                article.setString(2, row.title());
                article.setString(3, row.lead());
                article.setString(4, row.bodyHtml());
                article.setString(5, row.heroImageUrl());
                article.setObject(
                        6,
                        row.publishAt() == null ? null : timestamptz(row.publishAt()),
                        Types.TIMESTAMP_WITH_TIMEZONE);
                article.setObject(7, timestamptz(row.createdAt()));
                article.setObject(8, timestamptz(row.createdAt()));
                article.addBatch();
                for (String value : row.tags()) {
                    tag.setString(1, row.slug());
                    tag.setString(2, value);
                    tag.addBatch();
                }
                for (int i = 0; i < row.featuredProductSlugs().size(); i++) {
                    featured.setString(1, row.slug());
                    featured.setString(2, row.featuredProductSlugs().get(i));
                    featured.setInt(3, i);
                    featured.addBatch();
                }
            }
            article.executeBatch();
            tag.executeBatch();
            featured.executeBatch();
        }
    }

    private static OffsetDateTime timestamptz(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
