package dev.kurashi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.cart.Cart;
import dev.kurashi.cart.CartItem;
import dev.kurashi.cart.CartItemRepository;
import dev.kurashi.cart.CartRepository;
import dev.kurashi.catalog.Sku;
import dev.kurashi.catalog.SkuRepository;
import dev.kurashi.customer.CustomerRepository;
import dev.kurashi.customer.FavoriteRepository;
import dev.kurashi.notification.DeviceRepository;
import dev.kurashi.notification.Platform;
import dev.kurashi.order.IdempotencyKey;
import dev.kurashi.order.IdempotencyKeyRepository;
import dev.kurashi.order.Order;
import dev.kurashi.order.OrderLine;
import dev.kurashi.order.OrderRepository;
import dev.kurashi.order.OrderStatus;
import dev.kurashi.order.PaymentMethod;
import dev.kurashi.order.ShippingAddress;
import dev.kurashi.outbox.OutboxMessage;
import dev.kurashi.outbox.OutboxRepository;
import dev.kurashi.outbox.ProcessedMessageRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Round trips through every repository: the mappings (composite keys, converters, JSON) work on PostgreSQL. */
@QuarkusTest
class PersistenceMappingTest {

    @Inject
    CustomerRepository customers;

    @Inject
    CartRepository carts;

    @Inject
    CartItemRepository cartItems;

    @Inject
    SkuRepository skus;

    @Inject
    FavoriteRepository favorites;

    @Inject
    DeviceRepository devices;

    @Inject
    OrderRepository orders;

    @Inject
    IdempotencyKeyRepository idempotencyKeys;

    @Inject
    OutboxRepository outbox;

    @Inject
    ProcessedMessageRepository processed;

    @Inject
    EntityManager em;

    @Test
    void customerCartOrderAndFriendsRoundTrip() {
        String sub = "test-" + UUID.randomUUID();
        long customerId = QuarkusTransaction.requiringNew().call(() -> {
            assertEquals(1, customers.insertIfAbsent(sub, "hanako@example.jp", "花子"));
            assertEquals(0, customers.insertIfAbsent(sub, "hanako@example.jp", "花子"));
            return customers.findByCognitoSub(sub).orElseThrow().id;
        });
        try {
            Sku mug = QuarkusTransaction.requiringNew()
                    .call(() -> skus.findByCode("MUG-STONE-WH").orElseThrow());
            long productId = QuarkusTransaction.requiringNew()
                    .call(() -> skus.listByIds(List.of(mug.id)).getFirst().product.id);

            QuarkusTransaction.requiringNew().run(() -> {
                carts.insertIfAbsent(customerId);
                carts.insertIfAbsent(customerId);
                Cart cart = carts.findByCustomerId(customerId).orElseThrow();
                cart.items.add(new CartItem(cart, mug.id, 2));
                cart.touch();
            });
            QuarkusTransaction.requiringNew().run(() -> {
                Cart cart = carts.findByCustomerId(customerId).orElseThrow();
                assertEquals(1, cart.items.size());
                assertEquals(2, cart.items.getFirst().quantity);
                assertTrue(carts.listAbandoned(Instant.now().plusSeconds(60), 1000).stream()
                        .anyMatch(c -> c.id.equals(cart.id)));
                assertEquals(1, cartItems.deleteByCart(cart.id));
            });

            QuarkusTransaction.requiringNew().run(() -> {
                assertEquals(1, favorites.insertIfAbsent(customerId, productId));
                assertEquals(0, favorites.insertIfAbsent(customerId, productId));
                assertEquals(
                        1,
                        favorites
                                .listByCustomer(customerId, Instant.now().plusSeconds(60), Long.MAX_VALUE, 10)
                                .size());
                assertTrue(favorites.listCustomerIdsByProduct(productId).contains(customerId));
                assertEquals(1, devices.insertIfAbsent("test-token-" + sub, customerId, Platform.IOS, "install-hash"));
                assertEquals(0, devices.insertIfAbsent("test-token-" + sub, customerId, Platform.ANDROID, null));
                devices.findForUpdate("test-token-" + sub).orElseThrow().platform = Platform.ANDROID;
                devices.flush();
                assertEquals(
                        Platform.ANDROID, devices.listByCustomer(customerId).getFirst().platform);
                assertEquals("install-hash", devices.listByCustomer(customerId).getFirst().installIdHash);
            });

            UUID orderId = QuarkusTransaction.requiringNew().call(() -> {
                assertTrue(idempotencyKeys.tryClaim(customerId, "key-1", "hash"));
                assertFalse(idempotencyKeys.tryClaim(customerId, "key-1", "hash"));
                Order order = new Order();
                order.customerId = customerId;
                order.status = OrderStatus.PENDING_PAYMENT;
                order.paymentMethod = PaymentMethod.KONBINI;
                order.paymentDeadline = Instant.now().minus(Duration.ofMinutes(1));
                order.subtotalJpy = 5720;
                order.shippingJpy = 0;
                order.totalJpy = 5720;
                order.shippingAddress = address();
                OrderLine line = new OrderLine();
                line.skuId = mug.id;
                line.skuCode = mug.code;
                line.productSlug = "stoneware-mug";
                line.productName = "ストーンウェア マグ";
                line.skuLabel = mug.label;
                line.quantity = 2;
                line.unitPriceJpy = 2860;
                line.taxRate = 10;
                line.lineTotalJpy = 5720;
                order.addLine(line);
                order.addTaxLine((short) 10, 5720, 520);
                orders.persist(order);
                assertEquals(1, idempotencyKeys.complete(customerId, "key-1", 201, "{\"id\":\"x\"}"));
                return order.id;
            });

            QuarkusTransaction.requiringNew().run(() -> {
                Order order = orders.findByIdAndCustomer(orderId, customerId).orElseThrow();
                assertEquals(1, order.lines.size());
                assertEquals(520, order.taxLines.getFirst().taxJpy);
                assertNotNull(order.placedAt);
                assertFalse(orders.findByIdAndCustomer(orderId, customerId + 1).isPresent());
                assertEquals(
                        orderId,
                        orders.listByCustomer(customerId, null, null, 10).getFirst().id);
                assertTrue(orders.listExpiredKonbiniIds(Instant.now(), 1000).contains(orderId));
                assertTrue(orders.hasBeenOrdered(mug.id));
                IdempotencyKey key = idempotencyKeys.find(customerId, "key-1").orElseThrow();
                assertEquals(IdempotencyKey.State.DONE, key.state);
                assertEquals(201, key.responseStatus);
            });
            assertEquals(
                    1, QuarkusTransaction.requiringNew().call(() -> orders.cancelIfPending(orderId, Instant.now())));
            assertEquals(
                    0, QuarkusTransaction.requiringNew().call(() -> orders.cancelIfPending(orderId, Instant.now())));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                orders.delete("customerId", customerId);
                customers.deleteById(customerId);
            });
        }
    }

    @Test
    void outboxAndProcessedMessagesRoundTrip() {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMessage message = new OutboxMessage();
            message.eventId = eventId;
            message.eventType = "ProductChanged";
            message.aggregateType = "product";
            message.aggregateId = "stoneware-mug";
            message.payload = "{\"slug\":\"stoneware-mug\"}";
            outbox.persist(message);
        });
        QuarkusTransaction.requiringNew().run(() -> {
            List<OutboxMessage> unsent = outbox.lockUnsent(1000);
            OutboxMessage mine = unsent.stream()
                    .filter(m -> m.eventId.equals(eventId))
                    .findFirst()
                    .orElseThrow();
            assertTrue(mine.payload.contains("stoneware-mug"));
            assertEquals(1, outbox.markSent(List.of(mine.id), Instant.now()));
        });
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(processed.markProcessed("test-consumer", eventId.toString()));
            assertFalse(processed.markProcessed("test-consumer", eventId.toString()));
            outbox.delete("eventId", eventId);
            processed.delete("consumer = ?1 and messageId = ?2", "test-consumer", eventId.toString());
        });
    }

    private static ShippingAddress address() {
        ShippingAddress address = new ShippingAddress();
        address.name = "北欧 花子";
        address.postalCode = "150-0001";
        address.prefecture = "東京都";
        address.city = "渋谷区神宮前";
        address.line1 = "1-2-3";
        address.phone = "03-1234-5678";
        return address;
    }
}
