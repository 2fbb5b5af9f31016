package dev.kurashi.order.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * Verifies a Stripe webhook ({@code Stripe-Signature}: HMAC-SHA256 of {@code timestamp.payload} with the endpoint's
 * signing secret, and a timestamp no older than {@link PaymentConfig.Stripe#webhookTolerance()}) and reads it into
 * a {@link PaymentEvent}. Anything unsigned, forged or stale is {@link Rejected}.
 */
@ApplicationScoped
public class StripeWebhooks {

    private static final Map<String, PaymentEvent.Kind> KINDS = Map.of(
            "payment_intent.succeeded", PaymentEvent.Kind.SUCCEEDED,
            "payment_intent.payment_failed", PaymentEvent.Kind.FAILED,
            "payment_intent.canceled", PaymentEvent.Kind.FAILED);

    private final PaymentConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public StripeWebhooks(PaymentConfig config, ObjectMapper json) {
        this(config, json, Clock.systemUTC());
    }

    StripeWebhooks(PaymentConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** A webhook that must not be acted on. */
    public static class Rejected extends Exception {
        public Rejected(String message) {
            super(message);
        }
    }

    public PaymentEvent verify(String payload, String signatureHeader) throws Rejected {
        String secret =
                config.stripe().webhookSecret().orElseThrow(() -> new Rejected("no webhook secret is configured"));
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new Rejected("no Stripe-Signature header");
        }
        try {
            Webhook.constructEvent(
                    payload,
                    signatureHeader,
                    secret,
                    config.stripe().webhookTolerance().toSeconds(),
                    clock);
        } catch (SignatureVerificationException e) {
            throw new Rejected("signature does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new Rejected("not a Stripe event");
        }
        try {
            JsonNode event = json.readTree(payload);
            String id = event.path("id").asText(null);
            String type = event.path("type").asText("");
            JsonNode object = event.path("data").path("object");
            if (id == null || id.isBlank()) {
                throw new Rejected("event without id");
            }
            PaymentEvent.Kind kind =
                    "payment_intent".equals(object.path("object").asText())
                            ? KINDS.getOrDefault(type, PaymentEvent.Kind.IGNORED)
                            : PaymentEvent.Kind.IGNORED;
            return new PaymentEvent(id, type, kind, object.path("id").asText(null));
        } catch (IOException e) {
            throw new Rejected("payload is not JSON");
        }
    }
}
