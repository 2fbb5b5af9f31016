package dev.kurashi.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.cart.CartService;
import dev.kurashi.cart.CartView;
import dev.kurashi.catalog.CategoryRepository;
import dev.kurashi.catalog.Product;
import dev.kurashi.catalog.ProductRepository;
import dev.kurashi.catalog.Sku;
import dev.kurashi.catalog.SkuRepository;
import dev.kurashi.common.DomainException;
import dev.kurashi.common.PageRequest;
import dev.kurashi.customer.CustomerService;
import dev.kurashi.inventory.Stock;
import dev.kurashi.inventory.StockRepository;
import dev.kurashi.inventory.StockShortage;
import dev.kurashi.outbox.OutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checkout through the services, against the devstack's PostgreSQL. */
@QuarkusTest
class CheckoutServiceTest {

    @Inject
    OrderService orders;

    @Inject
    CartService carts;

    @Inject
    CustomerService customers;

    @Inject
    ProductRepository products;

    @Inject
    SkuRepository skus;

    @Inject
    CategoryRepository categories;

    @Inject
    StockRepository stock;

    @Inject
    OrderRepository orderRows;

    @Inject
    OutboxRepository outbox;

    String suffix;
    long customerId;

    @BeforeEach
    void newCustomer() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        customerId = customers.ensure("test-checkout-" + suffix, null, "テスト");
    }

    @Test
    void mixedRatesGiveOneTaxLinePerRateAndShippingAtTenPercent() {
        String cup = sku("tableware", (short) 10, 2200, 5);
        String tea = sku("coffee-tea", (short) 8, 1080, 5);
        String jam = sku("sweets-food", (short) 8, 1296, 5);
        carts.setQuantity(customerId, cup, 1);
        carts.setQuantity(customerId, tea, 2);
        CartView cart = carts.setQuantity(customerId, jam, 1);
        assertEquals(5656, cart.subtotalJpy());
        assertEquals(550, cart.shippingJpy());

        CheckoutResult result = orders.placeOrder(customerId, "k-" + suffix, card("tok_visa"));

        assertEquals(201, result.status());
        OrderView order = orders.get(customerId, result.orderId().toString());
        assertEquals("PAID", order.status());
        assertEquals(5656, order.subtotalJpy());
        assertEquals(550, order.shippingJpy());
        assertEquals(6206, order.totalJpy());
        // 10 %: 2,200 + 550 = 2,750, tax floor(2,750 × 10 / 110) = 250; 8 %: 2,160 + 1,296 = 3,456, tax 256
        assertEquals(List.of(new OrderView.Tax(10, 2750, 250), new OrderView.Tax(8, 3456, 256)), order.taxBreakdown());
        assertEquals(3, order.lines().size());
        assertEquals(4, onHand(cup));
        assertEquals(3, onHand(tea));
        assertTrue(carts.view(customerId).lines().isEmpty());
        assertEquals(
                1,
                QuarkusTransaction.requiringNew()
                        .call(() -> outbox.count(
                                "eventType = ?1 and aggregateId = ?2",
                                "OrderPlaced",
                                result.orderId().toString())));
    }

    @Test
    void freeShippingFromTenThousandYen() {
        String vase = sku("interior-decor", (short) 10, 5000, 5);
        assertEquals(550, carts.setQuantity(customerId, vase, 1).shippingJpy());
        CartView cart = carts.setQuantity(customerId, vase, 2);
        assertEquals(10000, cart.subtotalJpy());
        assertEquals(0, cart.shippingJpy());
        assertEquals(10000, cart.totalJpy());
        assertEquals(0, carts.remove(customerId, vase).shippingJpy());
    }

    @Test
    void replayGivesTheSameAnswerAndAnotherBodyIsRefused() {
        String cup = sku("tableware", (short) 10, 1100, 5);
        carts.setQuantity(customerId, cup, 1);
        String key = "k-" + suffix;

        CheckoutResult first = orders.placeOrder(customerId, key, card("tok_visa"));
        CheckoutResult again = orders.placeOrder(customerId, key, card("tok_visa"));

        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.status(), again.status());
        assertEquals(first.body(), again.body());
        assertEquals(first.orderId(), again.orderId());
        DomainException other =
                assertThrows(DomainException.class, () -> orders.placeOrder(customerId, key, konbini()));
        assertEquals(DomainException.Kind.UNPROCESSABLE, other.kind());
        assertEquals(4, onHand(cup));
    }

    @Test
    void declinedCardTakesNoStockAndFreesTheKey() {
        String cup = sku("tableware", (short) 10, 1100, 5);
        carts.setQuantity(customerId, cup, 2);
        String key = "k-" + suffix;

        DomainException declined =
                assertThrows(DomainException.class, () -> orders.placeOrder(customerId, key, card("tok_declined")));

        assertEquals(DomainException.Kind.PAYMENT_DECLINED, declined.kind());
        assertEquals(5, onHand(cup));
        assertEquals(1, carts.view(customerId).lines().size());
        // a refused attempt is not replayed: the same key with a good card places the order
        assertEquals(201, orders.placeOrder(customerId, key, card("tok_visa")).status());
        assertEquals(3, onHand(cup));
    }

    @Test
    void konbiniOrdersWaitForPaymentUntilADeadline() {
        String cup = sku("tableware", (short) 10, 1100, 5);
        carts.setQuantity(customerId, cup, 1);

        CheckoutResult result = orders.placeOrder(customerId, "k-" + suffix, konbini());

        assertEquals(
                "PENDING_PAYMENT",
                orders.get(customerId, result.orderId().toString()).status());
        Instant deadline =
                QuarkusTransaction.requiringNew().call(() -> orderRows.findById(result.orderId()).paymentDeadline);
        assertNotNull(deadline);
        Duration window = Duration.between(Instant.now(), deadline);
        assertTrue(
                window.compareTo(Duration.ofHours(23)) > 0 && window.compareTo(Duration.ofHours(25)) < 0,
                window::toString);
        assertEquals(4, onHand(cup));
    }

    @Test
    void oneShortLineTakesNothingForTheOthers() {
        String plenty = sku("tableware", (short) 10, 1100, 10);
        String scarce = sku("tableware", (short) 10, 1100, 1);
        carts.setQuantity(customerId, plenty, 3);
        carts.setQuantity(customerId, scarce, 2);

        DomainException conflict = assertThrows(
                DomainException.class, () -> orders.placeOrder(customerId, "k-" + suffix, card("tok_visa")));

        assertEquals(DomainException.Kind.CONFLICT, conflict.kind());
        assertEquals(
                List.of(new StockShortage(scarce, 2, 1)), conflict.extensions().get("unavailable"));
        assertEquals(10, onHand(plenty));
        assertEquals(1, onHand(scarce));
    }

    @Test
    void anEmptyCartIsAConflictAndAnotherCustomersOrderIsNotFound() {
        DomainException empty =
                assertThrows(DomainException.class, () -> orders.placeOrder(customerId, "k-" + suffix, konbini()));
        assertEquals(DomainException.Kind.CONFLICT, empty.kind());

        String cup = sku("tableware", (short) 10, 1100, 5);
        carts.setQuantity(customerId, cup, 1);
        CheckoutResult mine = orders.placeOrder(customerId, "k-" + suffix, konbini());
        long other = customers.ensure("test-checkout-other-" + suffix, null, "");
        assertEquals(
                DomainException.Kind.NOT_FOUND,
                assertThrows(
                                DomainException.class,
                                () -> orders.get(other, mine.orderId().toString()))
                        .kind());
        assertEquals(
                DomainException.Kind.NOT_FOUND,
                assertThrows(DomainException.class, () -> orders.get(customerId, "not-a-uuid"))
                        .kind());
        assertEquals(1, orders.list(customerId, PageRequest.first(20)).items().size());
        assertTrue(orders.list(other, PageRequest.first(20)).items().isEmpty());
    }

    @Test
    void ordersArePagedNewestFirst() {
        String cup = sku("tableware", (short) 10, 1100, 10);
        for (int i = 0; i < 3; i++) {
            carts.setQuantity(customerId, cup, 1);
            // by card: a customer may have only two unpaid konbini orders at once (OrderLimitsConfig)
            orders.placeOrder(customerId, "k-" + suffix + "-" + i, card("tok_visa"));
        }
        var first = orders.list(customerId, PageRequest.first(2));
        assertEquals(2, first.items().size());
        assertNotNull(first.nextCursor());
        var second = orders.list(customerId, PageRequest.of(first.nextCursor(), 2));
        assertEquals(1, second.items().size());
        assertEquals(null, second.nextCursor());
        assertTrue(first.items().get(0).placedAt().isAfter(first.items().get(1).placedAt()));
        assertTrue(first.items().get(1).placedAt().isAfter(second.items().get(0).placedAt()));
        assertFalse(first.items().get(0).taxBreakdown().isEmpty());
        assertEquals(1, second.items().get(0).lines().size());
    }

    private static PlaceOrderCommand card(String token) {
        return new PlaceOrderCommand(address(), new PlaceOrderCommand.Payment("card", token));
    }

    private static PlaceOrderCommand konbini() {
        return new PlaceOrderCommand(address(), new PlaceOrderCommand.Payment("konbini", null));
    }

    private static PlaceOrderCommand.Address address() {
        return new PlaceOrderCommand.Address("山田 花子", "150-0001", "東京都", "渋谷区神宮前", "1-2-3", "暮らしビル 4F", "03-1234-5678");
    }

    private String sku(String category, short taxRate, int price, int onHand) {
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> {
            Product product = new Product();
            product.slug = code.toLowerCase();
            product.name = "テスト商品 " + code;
            product.brand = "Test";
            product.description = "チェックアウトのテスト用";
            product.category = categories.findBySlug(category).orElseThrow();
            product.taxRate = taxRate;
            products.persist(product);
            Sku sku = new Sku();
            sku.code = code;
            sku.product = product;
            sku.label = "標準";
            sku.priceJpy = price;
            skus.persist(sku);
            stock.persist(new Stock(sku.id, onHand));
        });
        return code;
    }

    private int onHand(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> stock.findById(skus.findByCode(code).orElseThrow().id).onHand);
    }
}
