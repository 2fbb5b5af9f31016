package dev.kurashi.order.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Konbini (convenience-store) payment. */
@ConfigMapping(prefix = "kurashi.konbini")
public interface KonbiniConfig {

    /** How long a customer has to pay at the store; unpaid orders are cancelled after it. */
    @WithDefault("72h")
    Duration paymentWindow();
}
