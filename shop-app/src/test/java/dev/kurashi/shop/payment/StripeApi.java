package dev.kurashi.shop.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.Stripe;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A WireMock server shaped like Stripe's API (PaymentIntents create/capture/cancel answers as Stripe documents
 * them) and the means to sign webhooks as Stripe does, for the tests of the Stripe adapter.
 */
public final class StripeApi implements QuarkusTestResourceLifecycleManager {

    static final String WEBHOOK_SECRET = "whsec_test_kurashi_webhook_secret";
    static WireMockServer server;

    /**
     * The shop-app configured like prod where tests can: Stripe as its payment provider (pointed at
     * {@link StripeApi}) and a public base URL.
     */
    public static final class Profile implements QuarkusTestProfile {
        public static final String PUBLIC_BASE_URL = "https://shop.kurashi.test";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kurashi.public.base-url", PUBLIC_BASE_URL,
                    "kurashi.payment.provider", "stripe",
                    "kurashi.payment.stripe.secret-key", "sk_test_kurashi",
                    "kurashi.payment.stripe.publishable-key", "pk_test_kurashi",
                    "kurashi.payment.stripe.webhook-secret", WEBHOOK_SECRET);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StripeApi.class));
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return Map.of("kurashi.payment.stripe.api-base", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A card PaymentIntent for {@code paymentMethod}, authorized (requires_capture), and its capture. */
    static void cardAuthorized(String paymentMethod, String intentId) {
        server.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .withRequestBody(containing("payment_method=" + paymentMethod))
                .willReturn(json(200, intent(intentId, "requires_capture", "card", ""))));
        server.stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intentId + "/capture"))
                .willReturn(json(200, intent(intentId, "succeeded", "card", ""))));
        server.stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intentId + "/cancel"))
                .willReturn(json(200, intent(intentId, "canceled", "card", ""))));
    }

    /** Stripe's answer to a declined card: HTTP 402 with a card_error. */
    static void cardDeclined(String paymentMethod) {
        server.stubFor(
                post(urlPathEqualTo("/v1/payment_intents"))
                        .withRequestBody(containing("payment_method=" + paymentMethod))
                        .willReturn(
                                json(
                                        402,
                                        """
                        {"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                          "message": "Your card has insufficient funds.", "param": "", "doc_url": "https://stripe.com/docs/error-codes/card-declined"}}""")));
    }

    /** A konbini PaymentIntent waiting at the store, with its slip. */
    static void konbiniOpened(String intentId, String paymentCode, Instant expiresAt) {
        String slip =
                """
                ,"next_action": {"type": "konbini_display_details", "konbini_display_details": {
                  "expires_at": %d, "hosted_voucher_url": "https://payments.stripe.com/konbini/voucher/test_%s",
                  "stores": {"familymart": {"confirmation_number": null, "payment_code": "%s"},
                             "lawson": {"confirmation_number": "%s", "payment_code": "%s"},
                             "ministop": {"confirmation_number": "%s", "payment_code": "%s"},
                             "seicomart": {"confirmation_number": "%s", "payment_code": "%s"}}}}"""
                        .formatted(
                                expiresAt.getEpochSecond(),
                                intentId,
                                paymentCode,
                                paymentCode,
                                paymentCode,
                                paymentCode,
                                paymentCode,
                                paymentCode,
                                paymentCode);
        server.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .withRequestBody(containing("konbini"))
                .willReturn(json(200, intent(intentId, "requires_action", "konbini", slip))));
    }

    /** A webhook event about a PaymentIntent, as Stripe posts it. */
    static String event(String eventId, String type, String intentId, String status) {
        return """
                {"id": "%s", "object": "event", "api_version": "%s", "created": %d, "livemode": false,
                 "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null}, "type": "%s",
                 "data": {"object": %s}}"""
                .formatted(
                        eventId,
                        Stripe.API_VERSION,
                        Instant.now().getEpochSecond(),
                        type,
                        intent(intentId, status, "konbini", ""));
    }

    /** The Stripe-Signature header of {@code payload} signed with {@code secret} at {@code at}. */
    static String signature(String payload, String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = at.getEpochSecond();
            byte[] v1 = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(v1);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String intent(String id, String status, String type, String extra) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 1650, "currency": "jpy", "status": "%s",
                 "capture_method": "%s", "payment_method_types": ["%s"], "livemode": false, "metadata": {}%s}"""
                .formatted(id, status, "card".equals(type) ? "manual" : "automatic", type, extra);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_test")
                .withBody(body);
    }
}
