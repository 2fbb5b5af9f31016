package dev.kurashi.queueworker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.cart.CartService;
import dev.kurashi.devstack.client.Devstack;
import dev.kurashi.notification.Dedupe;
import dev.kurashi.order.OrderNumber;
import dev.kurashi.order.OrderService;
import dev.kurashi.order.PlaceOrderCommand;
import dev.kurashi.queueworker.messaging.InboundMessage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The notification consumers end to end: outbox → relay → SQS (ElasticMQ) → consumer → the devstack's SES,
 * Gunfish and FCM sinks. Sinks are shared with other modules' tests, so every assertion filters on this test's
 * recipients and tokens and nothing clears them.
 */
@QuarkusTest
class NotificationHandlersTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Inject
    TestData data;

    @Inject
    CartService carts;

    @Inject
    OrderService orders;

    @Inject
    Tracer tracer;

    @Inject
    SqsClient sqs;

    @ConfigProperty(name = "kurashi.queues.notifications")
    String notificationsQueue;

    @Test
    void orderPlacedSendsAJapaneseConfirmationWithTheTaxBreakdownAndAPushInTheRequestsTrace() {
        TestData.Customer customer = data.customer("山田 花子");
        String food = data.product("test-food-" + TestData.suffix(), "北欧のライ麦クッキー", 8, 1080, 50);
        String goods = data.product("test-mug-" + TestData.suffix(), "白樺のマグ", 10, 3300, 50);
        String ios = token();
        String android = token();
        data.device(customer.id(), ios, "ios");
        data.device(customer.id(), android, "android");
        carts.setQuantity(customer.id(), food, 2);
        carts.setQuantity(customer.id(), goods, 1);

        String traceId;
        UUID orderId;
        try (LogCapture logs = new LogCapture()) {
            // stands in for the HTTP request's server span: the outbox row takes its traceparent
            Span request = tracer.spanBuilder("POST /api/v1/orders")
                    .setSpanKind(SpanKind.SERVER)
                    .startSpan();
            try (Scope scope = request.makeCurrent()) {
                orderId = orders.placeOrder(customer.id(), "test-" + TestData.suffix(), command())
                        .orderId();
            } finally {
                request.end();
            }
            traceId = request.getSpanContext().getTraceId();

            List<Map<String, Object>> mails = Eventually.await(
                    "the confirmation mail",
                    WITHIN,
                    () -> TestData.records(
                            Devstack.mail(), r -> customer.email().equals(TestData.mailTo(r))),
                    m -> !m.isEmpty());
            String text = TestData.mailText(mails.getFirst());
            assertThat(text)
                    .contains("山田 花子 様", "ご注文番号：" + OrderNumber.of(orderId.toString()), "北欧のライ麦クッキー", "白樺のマグ")
                    .contains("¥1,080 × 2 ＝ ¥2,160", "¥3,300 × 1 ＝ ¥3,300")
                    .contains("小計　　　　　¥5,460", "送料　　　　　¥550", "ご請求額（税込）¥6,010")
                    // 8 %: floor(2160 × 8 / 108) = 160; 10 % (with shipping): floor(3850 × 10 / 110) = 350
                    .contains("8%対象　¥2,160（うち消費税 ¥160）", "10%対象　¥3,850（うち消費税 ¥350）")
                    .contains("北欧のライ麦クッキー（標準） ※", "※は軽減税率（8%）対象商品です。");

            List<Map<String, Object>> pushes = Eventually.await(
                    "the pushes to both phones",
                    WITHIN,
                    () -> TestData.records(
                            Devstack.push(),
                            r -> String.valueOf(r.get("body")).contains(ios)
                                    || String.valueOf(r.get("body")).contains(android)),
                    p -> p.size() >= 2);
            assertThat(pushes).extracting(r -> r.get("provider")).containsExactlyInAnyOrder("apns", "fcm");
            assertThat(String.valueOf(pushes)).contains("apns-id", "apns-collapse-id", "dedupeId");

            List<LogCapture.Line> mailLines = logs.containing("Order confirmation for order " + orderId);
            assertThat(mailLines).isNotEmpty();
            assertThat(mailLines).allSatisfy(line -> assertThat(line.traceId()).isEqualTo(traceId));
            assertThat(logs.containing("Mail "))
                    .filteredOn(l -> l.message().contains("sent to customer " + customer.id()))
                    .allSatisfy(line -> assertThat(line.traceId()).isEqualTo(traceId));
        }
    }

    @Test
    void aKonbiniOrderMailsItsSlipAndItsPayment() {
        TestData.Customer customer = data.customer("鈴木 三郎");
        String goods = data.product("test-konbini-mail-" + TestData.suffix(), "白樺のトレイ", 10, 3300, 50);
        carts.setQuantity(customer.id(), goods, 1);
        UUID orderId = orders.placeOrder(
                        customer.id(),
                        "test-" + TestData.suffix(),
                        new PlaceOrderCommand(
                                command().shippingAddress(), new PlaceOrderCommand.Payment("konbini", null)))
                .orderId();

        String placed = TestData.mailText(Eventually.await(
                        "the confirmation mail with the slip",
                        WITHIN,
                        () -> TestData.records(
                                Devstack.mail(), r -> customer.email().equals(TestData.mailTo(r))),
                        m -> !m.isEmpty())
                .getFirst());
        assertThat(placed).contains("■ コンビニでのお支払い", "お支払い番号：", "お支払い期限：", "キャンセルとなります");
        assertThat(placed).containsPattern("お支払い番号：[0-9]{11}");

        send("OrderPaid", UUID.randomUUID(), "{\"orderId\":\"" + orderId + "\",\"customerId\":" + customer.id() + "}");
        List<Map<String, Object>> mails = Eventually.await(
                "the payment mail",
                WITHIN,
                () -> TestData.records(Devstack.mail(), r -> customer.email().equals(TestData.mailTo(r))),
                m -> m.size() >= 2);
        assertThat(mails.stream().map(TestData::mailText)).anySatisfy(text -> assertThat(text)
                .contains("コンビニでのお支払いを確認いたしました", OrderNumber.of(orderId.toString())));
    }

    @Test
    void theSameMessageDeliveredTwiceHasOneEffect() {
        TestData.Customer customer = data.customer("佐藤 一郎");
        String slug = "test-lamp-" + TestData.suffix();
        String sku = data.product(slug, "真鍮のランプ", 10, 12000, 0);
        data.favorite(customer.id(), slug);
        String ios = token();
        data.device(customer.id(), ios, "ios");
        UUID eventId = UUID.randomUUID();
        String body = "{\"sku\":\"" + sku + "\",\"productSlug\":\"" + slug + "\",\"quantity\":5,\"restockId\":"
                + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "}";

        try (LogCapture logs = new LogCapture()) {
            send("StockReplenished", eventId, body);
            send("StockReplenished", eventId, body);
            Eventually.await(
                    "both deliveries handled",
                    Duration.ofSeconds(30),
                    () -> logs.containing("Handled StockReplenished " + eventId),
                    lines -> lines.size() == 2);
        }

        List<Map<String, Object>> mails =
                TestData.records(Devstack.mail(), r -> customer.email().equals(TestData.mailTo(r)));
        assertThat(mails).hasSize(1);
        assertThat(TestData.mailDedupeId(mails.getFirst())).isEqualTo(Dedupe.id(eventId, "mail", customer.email()));
        assertThat(TestData.records(
                        Devstack.push(), r -> String.valueOf(r.get("body")).contains(ios)))
                .hasSize(1);
        assertThat(data.sendStatuses(eventId)).containsExactly("apns:SENT", "mail:SENT");
    }

    @Test
    void aRestockIsAnnouncedOncePerRestockEvenByTwoEvents() {
        TestData.Customer customer = data.customer("");
        String slug = "test-vase-" + TestData.suffix();
        String sku = data.product(slug, "ガラスの花瓶", 10, 5500, 0);
        data.favorite(customer.id(), slug);
        long restockId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        String body = "{\"sku\":\"" + sku + "\",\"productSlug\":\"" + slug + "\",\"quantity\":3,\"restockId\":"
                + restockId + "}";
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        try (LogCapture logs = new LogCapture()) {
            send("StockReplenished", first, body);
            Eventually.await(
                    "the first event handled",
                    WITHIN,
                    () -> logs.containing("Handled StockReplenished " + first),
                    lines -> !lines.isEmpty());
            send("StockReplenished", second, body);
            Eventually.await(
                    "the second event handled",
                    WITHIN,
                    () -> logs.containing("Handled StockReplenished " + second),
                    lines -> !lines.isEmpty());
        }
        List<Map<String, Object>> mails =
                TestData.records(Devstack.mail(), r -> customer.email().equals(TestData.mailTo(r)));
        assertThat(mails).hasSize(1);
        assertThat(TestData.mailText(mails.getFirst())).contains("お客様", "ガラスの花瓶", "/products/" + slug);
    }

    @Test
    void tokensTheProvidersReportUnregisteredAreDeleted() {
        TestData.Customer customer = data.customer("鈴木 次郎");
        String slug = "test-chair-" + TestData.suffix();
        String sku = data.product(slug, "オークのチェア", 10, 42000, 0);
        data.favorite(customer.id(), slug);
        data.device(customer.id(), token(), "ios");
        data.device(customer.id(), token(), "android");
        UUID eventId = UUID.randomUUID();
        Devstack.faults("unregistered", "unregistered", null);
        try {
            send(
                    "StockReplenished",
                    eventId,
                    "{\"sku\":\"" + sku + "\",\"productSlug\":\"" + slug + "\",\"quantity\":1,\"restockId\":"
                            + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "}");
            Eventually.await("both devices deleted", WITHIN, () -> data.devices(customer.id()), n -> n == 0);
        } finally {
            Devstack.faults(null, null, null);
        }
        assertThat(Eventually.await("the sends recorded", WITHIN, () -> data.sendStatuses(eventId), s -> s.size() == 3))
                .containsExactly("apns:UNREGISTERED", "fcm:UNREGISTERED", "mail:SENT");
    }

    private void send(String eventType, UUID eventId, String body) {
        sqs.sendMessage(r -> r.queueUrl(notificationsQueue)
                .messageBody(body)
                .messageAttributes(Map.of(
                        InboundMessage.EVENT_TYPE, text(eventType),
                        InboundMessage.EVENT_ID, text(eventId.toString()))));
    }

    static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    private static String token() {
        return "test" + UUID.randomUUID().toString().replace("-", "");
    }

    private static PlaceOrderCommand command() {
        return new PlaceOrderCommand(
                new PlaceOrderCommand.Address("山田 花子", "150-0001", "東京都", "渋谷区神宮前", "1-2-3", null, "03-1234-5678"),
                new PlaceOrderCommand.Payment("card", "tok_visa"));
    }
}
