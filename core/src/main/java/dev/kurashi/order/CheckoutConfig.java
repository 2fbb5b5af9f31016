package dev.kurashi.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Checkout. */
@ConfigMapping(prefix = "kurashi.checkout")
public interface CheckoutConfig {

    /**
     * An {@code IN_FLIGHT} idempotency key older than this belongs to a request whose node died: its
     * transaction rolled back (it is longer than the transaction timeout), so the key may be claimed again.
     */
    @WithDefault("2m")
    Duration inFlightStaleAfter();
}
