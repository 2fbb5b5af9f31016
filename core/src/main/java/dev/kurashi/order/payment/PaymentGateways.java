package dev.kurashi.order.payment;

import com.stripe.StripeClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/**
 * Makes the one {@link PaymentGateway} of {@link PaymentConfig#provider()}, and refuses the local one in the prod
 * profile: a production shop that took {@code tok_visa} would ship goods nobody paid for (issue 12).
 */
@ApplicationScoped
public class PaymentGateways {

    @Produces
    @ApplicationScoped
    PaymentGateway gateway(PaymentConfig config, KonbiniConfig konbini) {
        return switch (config.provider()) {
            case LOCAL -> new LocalPaymentGateway(konbini);
            case STRIPE -> new StripePaymentGateway(client(config.stripe()), konbini);
        };
    }

    /**
     * Throws when the configuration must not run: the local gateway in a prod profile, or Stripe without its keys.
     * The shop-app calls it at start-up, so such a task never becomes healthy.
     */
    public static void requireUsable(PaymentConfig config, List<String> profiles) {
        if (config.provider() == PaymentConfig.Provider.LOCAL && profiles.contains("prod")) {
            throw new IllegalStateException("kurashi.payment.provider=local is a test double and is refused in the"
                    + " prod profile: set kurashi.payment.provider=stripe and its keys (ADR 1201)");
        }
        if (config.provider() == PaymentConfig.Provider.STRIPE
                && (config.stripe().secretKey().isEmpty()
                        || config.stripe().webhookSecret().isEmpty()
                        || config.stripe().publishableKey().isEmpty())) {
            throw new IllegalStateException("kurashi.payment.provider=stripe needs kurashi.payment.stripe.secret-key,"
                    + " publishable-key and webhook-secret");
        }
    }

    private static StripeClient client(PaymentConfig.Stripe stripe) {
        int timeoutMillis = Math.toIntExact(stripe.timeout().toMillis());
        return StripeClient.builder()
                .setApiKey(stripe.secretKey()
                        .orElseThrow(() -> new IllegalStateException(
                                "kurashi.payment.stripe.secret-key is required with kurashi.payment.provider=stripe")))
                .setApiBase(stripe.apiBase())
                .setConnectTimeout(timeoutMillis)
                .setReadTimeout(timeoutMillis)
                // retries reuse the request's idempotency key, so a retried create never charges twice
                .setMaxNetworkRetries(2)
                .build();
    }
}
