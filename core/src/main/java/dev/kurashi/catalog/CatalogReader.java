package dev.kurashi.catalog;

import dev.kurashi.common.ReadDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Shopper reads of the catalog in plain SQL on the {@link ReadDataSource} (the Aurora reader in AWS): a page of
 * products is one query, a product page three, whatever the number of SKUs and images. Behind the read caches of
 * {@link CatalogService}, so they run on a cache miss only. Failures surface as {@link PersistenceException}, like
 * those of the writer's reads.
 */
@ApplicationScoped
class CatalogReader {

    /** A category row; {@code parentId} is null at the top. */
    record CategoryRow(long id, String slug, String name, Long parentId) {}

    /**
     * A product as lists show it: the lowest price of its visible SKUs, its first image, and whether any visible
     * SKU has stock.
     */
    private static final String SUMMARY =
            """
            SELECT p.id, p.slug, p.name, p.brand,
                   (SELECT min(s.price_jpy) FROM skus s WHERE s.product_id = p.id AND NOT s.hidden) AS price,
                   (SELECT i.url FROM product_images i WHERE i.product_id = p.id
                     ORDER BY i.sort_order, i.id LIMIT 1) AS image,
                   EXISTS (SELECT 1 FROM skus s JOIN stock st ON st.sku_id = s.id
                            WHERE s.product_id = p.id AND NOT s.hidden AND st.on_hand > 0) AS in_stock
              FROM products p
             WHERE p.active""";

    private final ReadDataSource db;

    CatalogReader(ReadDataSource db) {
        this.db = db;
    }

    /** Every category in display order. */
    List<CategoryRow> categories() {
        return query("SELECT id, slug, name, parent_id FROM categories ORDER BY sort_order, id", List.of(), rs -> {
            long parent = rs.getLong(4);
            return new CategoryRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : parent);
        });
    }

    /** Active products with an id above {@code afterId}, by id; of the given categories unless null. */
    List<ProductSummary> listActive(long afterId, Collection<Long> categoryIds, int limit) {
        if (categoryIds == null) {
            return query(
                    SUMMARY + " AND p.id > ? ORDER BY p.id LIMIT ?", List.of(afterId, limit), CatalogReader::summary);
        }
        return query(
                SUMMARY + " AND p.id > ? AND p.category_id = ANY (?) ORDER BY p.id LIMIT ?",
                List.of(afterId, categoryIds.toArray(Long[]::new), limit),
                CatalogReader::summary);
    }

    /**
     * The newest active products, taken round-robin over the categories (the newest of each category, then the
     * second newest of each, ...), so that a batch of arrivals in one category does not fill the whole list. The
     * rank inside a category is the number of newer active products in it (ids grow with creation).
     */
    List<ProductSummary> newest(int limit) {
        return query(
                SUMMARY + " ORDER BY (SELECT count(*) FROM products q WHERE q.active AND q.category_id = p.category_id"
                        + " AND q.id > p.id), p.id DESC LIMIT ?",
                List.of(limit),
                CatalogReader::summary);
    }

    /** Active products by id, in the order given; unknown or inactive ids are left out. */
    List<ProductSummary> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ProductSummary> byId = new HashMap<>();
        for (ProductSummary s : query(
                SUMMARY + " AND p.id = ANY (?)", List.of((Object) ids.toArray(Long[]::new)), CatalogReader::summary)) {
            byId.put(s.id(), s);
        }
        return ids.stream().distinct().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** An active product's page with its visible SKUs (sort order) and images (sort order). */
    Optional<ProductDetail> product(String slug) {
        try (Connection c = db.connection()) {
            long id;
            String name;
            String brand;
            String description;
            String category;
            int taxRate;
            try (PreparedStatement st =
                    c.prepareStatement("SELECT p.id, p.name, p.brand, p.description, c.slug, p.tax_rate FROM products p"
                            + " JOIN categories c ON c.id = p.category_id WHERE p.slug = ? AND p.active")) {
                st.setString(1, slug);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getLong(1);
                    name = rs.getString(2);
                    brand = rs.getString(3);
                    description = rs.getString(4);
                    category = rs.getString(5);
                    taxRate = rs.getInt(6);
                }
            }
            List<SkuView> skus = query(
                    c,
                    "SELECT s.code, s.label, s.price_jpy, coalesce(st.on_hand, 0) > 0 FROM skus s"
                            + " LEFT JOIN stock st ON st.sku_id = s.id WHERE s.product_id = ? AND NOT s.hidden"
                            + " ORDER BY s.sort_order, s.id",
                    List.of(id),
                    rs -> new SkuView(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)));
            List<String> images = query(
                    c,
                    "SELECT url FROM product_images WHERE product_id = ? ORDER BY sort_order, id",
                    List.of(id),
                    rs -> rs.getString(1));
            return Optional.of(new ProductDetail(id, slug, name, brand, description, category, images, taxRate, skus));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static ProductSummary summary(ResultSet rs) throws SQLException {
        int price = rs.getInt(5);
        Integer lowest = rs.wasNull() ? null : price;
        return new ProductSummary(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                lowest,
                rs.getString(6),
                rs.getBoolean(7));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> params, Row<T> row) {
        try (Connection c = db.connection()) {
            return query(c, sql, params, row);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static <T> List<T> query(Connection c, String sql, List<Object> params, Row<T> row) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Long[] array) {
                    st.setArray(i + 1, c.createArrayOf("bigint", array));
                } else {
                    st.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = st.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(row.read(rs));
                }
                return result;
            }
        }
    }

    private PersistenceException failed(SQLException e) {
        return new PersistenceException("Catalog read on datasource " + db.name() + " failed", e);
    }
}
