package dev.kurashi.shop.order;

import dev.kurashi.catalog.CategoryRepository;
import dev.kurashi.catalog.Product;
import dev.kurashi.catalog.ProductRepository;
import dev.kurashi.catalog.Sku;
import dev.kurashi.catalog.SkuRepository;
import dev.kurashi.devstack.client.Devstack;
import dev.kurashi.inventory.Stock;
import dev.kurashi.inventory.StockRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Test data for the cart, order, favorite and device tests: products with unique slugs and SKUs, stock, and
 * plain HTTP calls with a customer's bearer token (java.net.http, so that many threads can call at once).
 */
@ApplicationScoped
public class ShopFixtures {

    /** A product of the tests: its slug and its SKU codes. */
    public record TestProduct(String slug, String sku) {}

    public static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final ProductRepository products;
    private final SkuRepository skus;
    private final CategoryRepository categories;
    private final StockRepository stock;
    private final EntityManager em;

    public ShopFixtures(
            ProductRepository products,
            SkuRepository skus,
            CategoryRepository categories,
            StockRepository stock,
            EntityManager em) {
        this.products = products;
        this.skus = skus;
        this.categories = categories;
        this.stock = stock;
        this.em = em;
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static String token(String user) {
        return Devstack.token(user, false);
    }

    /** A new active product with one SKU at {@code priceJpy} and {@code onHand} units in stock. */
    public TestProduct product(String category, int taxRate, int priceJpy, int onHand) {
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
        String slug = code.toLowerCase();
        QuarkusTransaction.requiringNew().run(() -> {
            Product product = new Product();
            product.slug = slug;
            product.name = "テスト商品 " + code;
            product.brand = "Test";
            product.description = "カートと注文のテスト用の商品です。";
            product.category = categories.findBySlug(category).orElseThrow();
            product.taxRate = (short) taxRate;
            products.persist(product);
            Sku sku = new Sku();
            sku.code = code;
            sku.product = product;
            sku.label = "標準";
            sku.priceJpy = priceJpy;
            skus.persist(sku);
            stock.persist(new Stock(sku.id, onHand));
        });
        return new TestProduct(slug, code);
    }

    public void hide(String skuCode) {
        QuarkusTransaction.requiringNew().run(() -> skus.findByCode(skuCode).orElseThrow().hidden = true);
    }

    public int onHand(String skuCode) {
        return QuarkusTransaction.requiringNew()
                .call(() -> stock.findById(skus.findByCode(skuCode).orElseThrow().id).onHand);
    }

    /** Orders that contain the SKU. */
    public long ordersWith(String skuCode) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number)
                        em.createNativeQuery("SELECT count(DISTINCT order_id) FROM order_lines WHERE sku_code = ?1")
                                .setParameter(1, skuCode)
                                .getSingleResult())
                .longValue());
    }

    /** The payment deadline of an order, or null. */
    public java.time.Instant paymentDeadline(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> (java.time.Instant) em.createNativeQuery(
                        "SELECT payment_deadline FROM orders WHERE id = cast(?1 AS uuid)", java.time.Instant.class)
                .setParameter(1, orderId)
                .getSingleResult());
    }

    /** Sends a request; {@code body} null for none. */
    public static HttpResponse<String> send(
            URI base, String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String checkoutBody(String method, String cardToken) {
        String payment = cardToken == null
                ? "{\"method\":\"" + method + "\"}"
                : "{\"method\":\"" + method + "\",\"cardToken\":\"" + cardToken + "\"}";
        return "{\"shippingAddress\":{\"name\":\"山田 花子\",\"postalCode\":\"150-0001\",\"prefecture\":\"東京都\","
                + "\"city\":\"渋谷区神宮前\",\"line1\":\"1-2-3\",\"line2\":\"暮らしビル 4F\",\"phone\":\"03-1234-5678\"},"
                + "\"payment\":" + payment + "}";
    }
}
