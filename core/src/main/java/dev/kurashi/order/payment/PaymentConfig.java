package dev.kurashi.order.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Which payment provider takes the money, and how to reach it (ADR 1201). */
@ConfigMapping(prefix = "kurashi.payment")
public interface PaymentConfig {

    enum Provider {
        /** {@link LocalPaymentGateway}: test tokens, no money moves. Refused in the prod profile. */
        LOCAL,
        /** {@link StripePaymentGateway}: cards and konbini through Stripe. */
        STRIPE
    }

    @WithDefault("local")
    Provider provider();

    Stripe stripe();

    /** Stripe: keys come from Secrets Manager through the task's environment; none has a default. */
    interface Stripe {

        /** Secret API key ({@code sk_live_...}, {@code sk_test_...}). */
        Optional<String> secretKey();

        /** Publishable key for Stripe.js on the checkout page ({@code pk_...}). */
        Optional<String> publishableKey();

        /** Signing secret of the webhook endpoint ({@code whsec_...}). */
        Optional<String> webhookSecret();

        /** The API's base URL; tests point it at a WireMock server shaped like the API. */
        @WithDefault("https://api.stripe.com")
        String apiBase();

        /** A webhook whose signed timestamp is older than this is refused as a replay. */
        @WithDefault("5m")
        Duration webhookTolerance();

        /** Connect and read timeout of one API call; checkout waits at most this for the provider. */
        @WithDefault("10s")
        Duration timeout();
    }
}
