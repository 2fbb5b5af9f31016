package dev.kurashi.order.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Konbini (convenience-store) payment. */
@ConfigMapping(prefix = "kurashi.konbini")
public interface KonbiniConfig {

    /**
     * How long a customer has to pay at the store, which is how long an unpaid order holds its stock: unpaid
     * orders are cancelled (stock returned) after it. Short on purpose (issue 12: stock held 72 h by unpaid orders
     * was a free way to make a product unbuyable); Stripe rounds it up to whole days.
     */
    @WithDefault("24h")
    Duration paymentWindow();
}
