package dev.kurashi.shop.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.shop.order.ShopFixtures;
import dev.kurashi.shop.security.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe adapter against a WireMock server shaped like Stripe's API, and Stripe's webhooks signed with a test
 * secret: cards authorized and captured, a declined card, a konbini order paid by webhook and one expiring, a
 * forged webhook refused and a replayed one without a second effect (issue 12).
 */
@QuarkusTest
@TestProfile(StripeApi.Profile.class)
class StripePaymentTest {

    @Inject
    ShopFixtures fixtures;

    @Inject
    EntityManager em;

    String token;
    String suffix;

    @BeforeEach
    void customer() {
        suffix = ShopFixtures.unique();
        token = ShopFixtures.token("test-stripe-" + suffix);
    }

    @Test
    void cardIsAuthorizedWithAnIdempotencyKeyAndCapturedOnceTheOrderCommits() {
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        String intent = "pi_card_" + suffix;
        StripeApi.cardAuthorized("pm_card_visa_" + suffix, intent);
        addToCart(sku, 1);

        checkout("k-" + suffix, ShopFixtures.checkoutBody("card", "pm_card_visa_" + suffix))
                .then()
                .statusCode(201)
                .body("status", equalTo("PAID"))
                .body("konbini", nullValue());

        StripeApi.server.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", matching("kurashi-[0-9a-f]{64}"))
                .withRequestBody(containing("capture_method=manual"))
                .withRequestBody(containing("currency=jpy"))
                .withRequestBody(containing("amount=1650")));
        StripeApi.server.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + intent + "/capture")));
        assertEquals(4, fixtures.onHand(sku));
    }

    @Test
    void aDeclinedCardIs402AndPlacesNothing() {
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        StripeApi.cardDeclined("pm_card_declined_" + suffix);
        addToCart(sku, 1);

        checkout("k-" + suffix, ShopFixtures.checkoutBody("card", "pm_card_declined_" + suffix))
                .then()
                .statusCode(402)
                .contentType("application/problem+json")
                .body("reason", equalTo("insufficient_funds"));

        assertEquals(0, fixtures.ordersWith(sku));
        assertEquals(5, fixtures.onHand(sku));
    }

    @Test
    void konbiniOrderShowsTheSlipAndIsPaidByTheWebhook() {
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        String intent = "pi_konbini_paid_" + suffix;
        Instant expires = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        StripeApi.konbiniOpened(intent, "123456789012", expires);
        String order = placeKonbini(sku);

        given().auth()
                .oauth2(token)
                .get("/api/v1/orders/" + order)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_PAYMENT"))
                .body("konbini.paymentNumber", equalTo("123456789012"))
                .body("konbini.payBy", equalTo(expires.toString()))
                .body("konbini.voucherUrl", equalTo("https://payments.stripe.com/konbini/voucher/test_" + intent));

        webhook(StripeApi.event("evt_paid_" + suffix, "payment_intent.succeeded", intent, "succeeded"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("PAID"));

        given().auth()
                .oauth2(token)
                .get("/api/v1/orders/" + order)
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"));
        assertEquals(1, outboxRows(order, "OrderPaid"));
        assertEquals(4, fixtures.onHand(sku));
    }

    @Test
    void konbiniSlipThatExpiresCancelsTheOrderAndReturnsTheStock() {
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        String intent = "pi_konbini_expired_" + suffix;
        StripeApi.konbiniOpened(intent, "223456789012", Instant.now().plus(Duration.ofDays(1)));
        String order = placeKonbini(sku);
        assertEquals(4, fixtures.onHand(sku));

        webhook(StripeApi.event(
                        "evt_expired_" + suffix, "payment_intent.payment_failed", intent, "requires_payment_method"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("CANCELLED"));

        given().auth()
                .oauth2(token)
                .get("/api/v1/orders/" + order)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertEquals(5, fixtures.onHand(sku));
        assertEquals(1, outboxRows(order, "OrderCancelled"));
    }

    @Test
    void forgedUnsignedAndStaleWebhooksAreRefusedAndChangeNothing() {
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        String intent = "pi_konbini_forged_" + suffix;
        StripeApi.konbiniOpened(intent, "323456789012", Instant.now().plus(Duration.ofDays(1)));
        String order = placeKonbini(sku);
        String paid = StripeApi.event("evt_forged_" + suffix, "payment_intent.succeeded", intent, "succeeded");

        // signed with another secret (an attacker's guess)
        given().contentType(ContentType.JSON)
                .header("Stripe-Signature", StripeApi.signature(paid, "whsec_attacker", Instant.now()))
                .body(paid)
                .post("/webhooks/stripe")
                .then()
                .statusCode(400);
        // no signature at all
        given().contentType(ContentType.JSON)
                .body(paid)
                .post("/webhooks/stripe")
                .then()
                .statusCode(400);
        // a real signature captured an hour ago: a replay outside the tolerance
        given().contentType(ContentType.JSON)
                .header(
                        "Stripe-Signature",
                        StripeApi.signature(
                                paid, StripeApi.WEBHOOK_SECRET, Instant.now().minus(Duration.ofHours(1))))
                .body(paid)
                .post("/webhooks/stripe")
                .then()
                .statusCode(400);
        // a valid signature over another body
        given().contentType(ContentType.JSON)
                .header("Stripe-Signature", StripeApi.signature("{}", StripeApi.WEBHOOK_SECRET, Instant.now()))
                .body(paid)
                .post("/webhooks/stripe")
                .then()
                .statusCode(400);

        given().auth().oauth2(token).get("/api/v1/orders/" + order).then().body("status", equalTo("PENDING_PAYMENT"));
        assertEquals(0, outboxRows(order, "OrderPaid"));
    }

    @Test
    void aReplayedOrRedeliveredWebhookHasNoSecondEffect() {
        String sku = fixtures.product("tableware", 10, 1100, 5).sku();
        String intent = "pi_konbini_replay_" + suffix;
        StripeApi.konbiniOpened(intent, "423456789012", Instant.now().plus(Duration.ofDays(1)));
        String order = placeKonbini(sku);
        String paid = StripeApi.event("evt_replay_" + suffix, "payment_intent.succeeded", intent, "succeeded");

        webhook(paid).then().statusCode(200).body("outcome", equalTo("PAID"));
        webhook(paid).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        // another event about the same payment (Stripe may send more than one) changes nothing either
        webhook(StripeApi.event("evt_replay_again_" + suffix, "payment_intent.succeeded", intent, "succeeded"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("NO_CHANGE"));
        // nor does a late failure event: the paid order stays paid and keeps its stock
        webhook(StripeApi.event("evt_replay_failed_" + suffix, "payment_intent.payment_failed", intent, "canceled"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("NO_CHANGE"));

        given().auth().oauth2(token).get("/api/v1/orders/" + order).then().body("status", equalTo("PAID"));
        assertEquals(1, outboxRows(order, "OrderPaid"));
        assertEquals(0, outboxRows(order, "OrderCancelled"));
        assertEquals(4, fixtures.onHand(sku));
    }

    @Test
    void theCheckoutPageShowsStripesCardFormAndNoTestCards() throws Exception {
        String user = "test-stripe-page-" + suffix;
        token = ShopFixtures.token(user);
        addToCart(fixtures.product("tableware", 10, 1100, 5).sku(), 1);
        Map<String, String> browser = WebSession.signIn(user);

        Response page = given().redirects().follow(false).cookies(browser).get("/checkout");

        page.then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self' https://js.stripe.com"));
        String html = page.asString();
        assertTrue(html.contains("id=\"card-element\""), html);
        assertTrue(html.contains("data-key=\"pk_test_kurashi\""), html);
        assertTrue(html.contains("https://js.stripe.com/v3/"), html);
        assertFalse(html.contains("tok_visa"), html);
        given().get("/static/js/checkout-stripe.js").then().statusCode(200);
    }

    private String placeKonbini(String sku) {
        addToCart(sku, 1);
        Response placed = checkout("k-" + suffix, ShopFixtures.checkoutBody("konbini", null));
        placed.then().statusCode(201).body("status", equalTo("PENDING_PAYMENT"));
        return placed.path("id");
    }

    private Response webhook(String payload) {
        return given().contentType(ContentType.JSON)
                .header("Stripe-Signature", StripeApi.signature(payload, StripeApi.WEBHOOK_SECRET, Instant.now()))
                .body(payload)
                .post("/webhooks/stripe");
    }

    private void addToCart(String sku, int quantity) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"quantity\":" + quantity + "}")
                .put("/api/v1/cart/items/" + sku)
                .then()
                .statusCode(200);
    }

    private Response checkout(String key, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/orders");
    }

    private long outboxRows(String orderId, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number)
                        em.createNativeQuery("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2")
                                .setParameter(1, orderId)
                                .setParameter(2, type)
                                .getSingleResult())
                .longValue());
    }
}
