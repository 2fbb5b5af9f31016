package dev.kurashi.shop.payment;

import dev.kurashi.order.payment.PaymentConfig;
import dev.kurashi.order.payment.PaymentGateways;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stops the shop-app from starting with a payment configuration that must not take orders: the local test
 * gateway in the prod profile (issue 12), or Stripe without its keys. ECS then never sees a healthy task.
 */
@ApplicationScoped
public class PaymentStartupCheck {

    void onStart(@Observes StartupEvent event, PaymentConfig config) {
        PaymentGateways.requireUsable(config, ConfigUtils.getProfiles());
    }
}
