package dev.kurashi.cart;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Shipping fee for a cart and an order; amounts are tax-included yen. */
@ConfigMapping(prefix = "kurashi.shipping")
public interface ShippingConfig {

    /** Flat fee charged below {@link #freeFromJpy()}. */
    @WithDefault("550")
    int feeJpy();

    /** Subtotal from which shipping is free. */
    @WithDefault("10000")
    int freeFromJpy();

    /** The fee for a subtotal; an empty cart ships nothing, so costs nothing. */
    default int feeFor(int subtotalJpy) {
        if (subtotalJpy == 0 || subtotalJpy >= freeFromJpy()) {
            return 0;
        }
        return feeJpy();
    }
}
