package dev.kurashi.queueworker;

import dev.kurashi.devstack.client.Json;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Test data with unique keys, written with SQL (the module's own database; see QueueWorkerDevstack). */
@ApplicationScoped
public class TestData {

    private final EntityManager em;

    TestData(EntityManager em) {
        this.em = em;
    }

    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A customer as created from an access token: a sub, no e-mail (the local directory derives one). */
    public record Customer(long id, String sub) {
        public String email() {
            return sub + "@example.invalid";
        }
    }

    public Customer customer(String name) {
        String sub = "test-" + suffix();
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                                "INSERT INTO customers (cognito_sub, display_name) VALUES (?1, ?2) RETURNING id")
                        .setParameter(1, sub)
                        .setParameter(2, name)
                        .getSingleResult())
                .longValue());
        return new Customer(id, sub);
    }

    /** An active product with one SKU in stock; answers the SKU code. */
    public String product(String slug, String name, int taxRate, int priceJpy, int stock) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String category = "test-" + suffix();
            long categoryId = ((Number)
                            em.createNativeQuery("INSERT INTO categories (slug, name) VALUES (?1, ?2) RETURNING id")
                                    .setParameter(1, category)
                                    .setParameter(2, "テスト")
                                    .getSingleResult())
                    .longValue();
            long productId = ((Number) em.createNativeQuery("INSERT INTO products"
                                    + " (slug, name, brand, description, category_id, tax_rate)"
                                    + " VALUES (?1, ?2, 'Kurashi', 'test', ?3, ?4) RETURNING id")
                            .setParameter(1, slug)
                            .setParameter(2, name)
                            .setParameter(3, categoryId)
                            .setParameter(4, taxRate)
                            .getSingleResult())
                    .longValue();
            String sku = "TEST-" + suffix().toUpperCase();
            long skuId = ((Number) em.createNativeQuery("INSERT INTO skus (code, product_id, label, price_jpy)"
                                    + " VALUES (?1, ?2, '標準', ?3) RETURNING id")
                            .setParameter(1, sku)
                            .setParameter(2, productId)
                            .setParameter(3, priceJpy)
                            .getSingleResult())
                    .longValue();
            em.createNativeQuery("INSERT INTO stock (sku_id, on_hand) VALUES (?1, ?2)")
                    .setParameter(1, skuId)
                    .setParameter(2, stock)
                    .executeUpdate();
            return sku;
        });
    }

    public void favorite(long customerId, String productSlug) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("INSERT INTO favorites (customer_id, product_id)"
                                + " SELECT ?1, id FROM products WHERE slug = ?2")
                        .setParameter(1, customerId)
                        .setParameter(2, productSlug)
                        .executeUpdate());
    }

    public void device(long customerId, String token, String platform) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "INSERT INTO devices (token, customer_id, platform) VALUES (?1, ?2, ?3)")
                .setParameter(1, token)
                .setParameter(2, customerId)
                .setParameter(3, platform)
                .executeUpdate());
    }

    public long devices(long customerId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM devices WHERE customer_id = ?1")
                                .setParameter(1, customerId)
                                .getSingleResult())
                        .longValue());
    }

    public List<String> sendStatuses(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT channel || ':' || status FROM notification_sends WHERE event_id = ?1 ORDER BY 1",
                        String.class)
                .setParameter(1, eventId)
                .getResultList());
    }

    /** The devstack sink's records (mail or push) that match. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> records(String json, Predicate<Map<String, Object>> filter) {
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Object record : (List<Object>) Json.parse(json)) {
            if (filter.test((Map<String, Object>) record)) {
                matching.add((Map<String, Object>) record);
            }
        }
        return matching;
    }

    /** The SES SendEmail body's recipient. */
    @SuppressWarnings("unchecked")
    public static String mailTo(Map<String, Object> record) {
        Map<String, Object> body = (Map<String, Object>) record.get("body");
        Map<String, Object> destination = (Map<String, Object>) body.get("Destination");
        return ((List<String>) destination.get("ToAddresses")).getFirst();
    }

    @SuppressWarnings("unchecked")
    public static String mailText(Map<String, Object> record) {
        Map<String, Object> body = (Map<String, Object>) record.get("body");
        Map<String, Object> simple = (Map<String, Object>) ((Map<String, Object>) body.get("Content")).get("Simple");
        Map<String, Object> text = (Map<String, Object>) ((Map<String, Object>) simple.get("Body")).get("Text");
        return (String) text.get("Data");
    }

    /** The dedupe-id tag of an SES SendEmail. */
    @SuppressWarnings("unchecked")
    public static String mailDedupeId(Map<String, Object> record) {
        Map<String, Object> body = (Map<String, Object>) record.get("body");
        for (Object tag : (List<Object>) body.getOrDefault("EmailTags", List.of())) {
            Map<String, Object> t = (Map<String, Object>) tag;
            if ("dedupe-id".equals(t.get("Name"))) {
                return (String) t.get("Value");
            }
        }
        return null;
    }
}
