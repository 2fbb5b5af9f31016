package dev.kurashi.batchworker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Rows written straight to the batch test database: the jobs only ever read and change what exists. */
@ApplicationScoped
public class Fixtures {

    private final EntityManager em;

    public Fixtures(EntityManager em) {
        this.em = em;
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public long customer() {
        return ((Number) single("INSERT INTO customers (cognito_sub) VALUES (?1) RETURNING id", "test-" + suffix()))
                .longValue();
    }

    /** A product with one SKU and stock; returns the SKU id. */
    public long product(String slug, String name, int taxRate, int stock) {
        long category = ((Number) single(
                        "INSERT INTO categories (slug, name) VALUES (?1, 'テスト') RETURNING id", "test-cat-" + suffix()))
                .longValue();
        long product = ((Number) single(
                        "INSERT INTO products (slug, name, brand, description, category_id, tax_rate)"
                                + " VALUES (?1, ?2, 'Test', 'テストの説明', ?3, ?4) RETURNING id",
                        slug,
                        name,
                        category,
                        taxRate))
                .longValue();
        long sku = ((Number) single(
                        "INSERT INTO skus (code, product_id, label, price_jpy) VALUES (?1, ?2, '標準', 1000) RETURNING id",
                        "TEST-" + suffix().toUpperCase(java.util.Locale.ROOT),
                        product))
                .longValue();
        execute("INSERT INTO stock (sku_id, on_hand) VALUES (?1, ?2)", sku, stock);
        return sku;
    }

    /** An order with one line of {@code quantity} × 1000 yen of the SKU and the given per-rate tax lines. */
    public UUID order(
            long customer,
            String status,
            String method,
            Instant deadline,
            Instant placedAt,
            long skuId,
            int quantity,
            int[][] taxLines) {
        UUID id = UUID.randomUUID();
        int subtotal = quantity * 1000;
        execute(
                "INSERT INTO orders (id, customer_id, status, payment_method, payment_deadline, subtotal_jpy,"
                        + " shipping_jpy, total_jpy, shipping_name, shipping_postal_code, shipping_prefecture,"
                        + " shipping_city, shipping_line1, shipping_phone, placed_at, cancelled_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?6, '山田', '100-0001', '東京都', '千代田区', '1-1',"
                        + " '0312345678', ?7, ?8)",
                id,
                customer,
                status,
                method,
                deadline,
                subtotal,
                placedAt,
                "CANCELLED".equals(status) ? placedAt : null);
        execute(
                "INSERT INTO order_lines (order_id, sku_id, sku_code, product_slug, product_name, sku_label, quantity,"
                        + " unit_price_jpy, tax_rate, line_total_jpy)"
                        + " SELECT ?1, s.id, s.code, p.slug, p.name, s.label, ?2, 1000, p.tax_rate, ?3"
                        + " FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id = ?4",
                id,
                quantity,
                subtotal,
                skuId);
        for (int[] line : taxLines) {
            execute(
                    "INSERT INTO order_tax_lines (order_id, rate, taxable_jpy, tax_jpy) VALUES (?1, ?2, ?3, ?4)",
                    id,
                    line[0],
                    line[1],
                    line[2]);
        }
        return id;
    }

    public long cart(long customer, Instant updatedAt, Instant remindedAt, Long skuId) {
        long cart = ((Number) single(
                        "INSERT INTO carts (customer_id, updated_at, reminded_at) VALUES (?1, ?2, ?3) RETURNING id",
                        customer,
                        updatedAt,
                        remindedAt))
                .longValue();
        if (skuId != null) {
            execute("INSERT INTO cart_items (cart_id, sku_id, quantity) VALUES (?1, ?2, 1)", cart, skuId);
        }
        return cart;
    }

    public Object single(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> query(sql, params).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> query(sql, params).getResultList());
    }

    public int execute(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> query(sql, params).executeUpdate());
    }

    private jakarta.persistence.Query query(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }
}
