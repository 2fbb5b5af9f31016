package dev.kurashi.shop.payment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.order.payment.PaymentConfig;
import dev.kurashi.order.payment.PaymentGateways;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code %prod} refuses to start with the local test gateway (issue 12): the shop-app's own application.properties
 * read in the prod profile, with the task's environment as ECS would pass it, through the check that
 * {@link PaymentStartupCheck} runs at start-up.
 */
class PaymentStartupCheckTest {

    private static final Map<String, String> TASK_ENV = Map.of(
            "STRIPE_SECRET_KEY", "sk_live_x",
            "STRIPE_PUBLISHABLE_KEY", "pk_live_x",
            "STRIPE_WEBHOOK_SECRET", "whsec_x");

    @Test
    void prodRefusesTheLocalGateway() throws IOException {
        PaymentConfig config = prod(Map.of("KURASHI_PAYMENT_PROVIDER", "local"));

        assertEquals(PaymentConfig.Provider.LOCAL, config.provider());
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> PaymentGateways.requireUsable(config, List.of("prod")));
        assertTrue(refused.getMessage().contains("refused in the prod profile"), refused.getMessage());
    }

    @Test
    void prodTakesStripeWithItsKeys() throws IOException {
        PaymentConfig config = prod(Map.of());

        assertEquals(PaymentConfig.Provider.STRIPE, config.provider());
        assertDoesNotThrow(() -> PaymentGateways.requireUsable(config, List.of("prod")));
    }

    @Test
    void stripeWithoutAWebhookSecretIsRefusedAnywhere() throws IOException {
        PaymentConfig config = prod(Map.of("STRIPE_WEBHOOK_SECRET", ""));

        assertThrows(IllegalStateException.class, () -> PaymentGateways.requireUsable(config, List.of("prod")));
    }

    @Test
    void testAndDevKeepTheLocalGateway() {
        PaymentConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(PaymentConfig.class)
                .build()
                .getConfigMapping(PaymentConfig.class);

        assertEquals(PaymentConfig.Provider.LOCAL, config.provider());
        assertDoesNotThrow(() -> PaymentGateways.requireUsable(config, List.of("test")));
        assertThrows(IllegalStateException.class, () -> PaymentGateways.requireUsable(config, List.of("prod")));
    }

    private static PaymentConfig prod(Map<String, String> env) throws IOException {
        URL properties = PaymentStartupCheckTest.class.getClassLoader().getResource("application.properties");
        Map<String, String> environment = new java.util.HashMap<>(TASK_ENV);
        environment.putAll(env);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile("prod")
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new io.smallrye.config.EnvConfigSource(environment, 300))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(PaymentConfig.class)
                .build();
        return config.getConfigMapping(PaymentConfig.class);
    }
}
