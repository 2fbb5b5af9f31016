package dev.kurashi.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Abuse limits a shop owner tunes (issue 12): unpaid konbini orders hold stock, so one customer must not be able
 * to hold a product's whole stock at no cost. The stock hold of an unpaid order is
 * {@code kurashi.konbini.payment-window}.
 */
@ConfigMapping(prefix = "kurashi.order-limits")
public interface OrderLimitsConfig {

    /** Largest total of one order, any payment method (tax and shipping included). */
    @WithDefault("1000000")
    long maxOrderAmountJpy();

    /** Largest total of one konbini order (Stripe takes at most ¥300,000 at the store). */
    @WithDefault("300000")
    long maxKonbiniAmountJpy();

    /** Unpaid konbini orders one customer may have open at once, this one included. */
    @WithDefault("2")
    int maxPendingKonbiniOrders();

    /** Units one customer may hold in unpaid konbini orders at once, this order's included. */
    @WithDefault("10")
    int maxPendingKonbiniUnits();
}
