package dev.kurashi.order;

import dev.kurashi.common.DomainException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checkout outcomes by payment method: {@code kurashi_orders_total{outcome=placed|declined|refused_stock|failed}}
 * and the yen of placed orders ({@code kurashi_order_revenue_yen_total}), for the business dashboard and the
 * checkout-success SLO.
 */
@ApplicationScoped
class OrderMetrics {

    private final MeterRegistry registry;

    OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void placed(PaymentMethod method, long totalYen) {
        count(method, "placed");
        registry.counter("kurashi.order.revenue.yen", "payment_method", code(method))
                .increment(totalYen);
    }

    /** A refused or failed attempt; a replay or an invalid request is not an attempt. */
    void notPlaced(PaymentMethod method, RuntimeException failure) {
        count(method, outcome(failure));
    }

    static String outcome(RuntimeException failure) {
        if (failure instanceof DomainException domain) {
            if (domain.title().equals("Payment declined")) {
                return "declined";
            }
            if (domain.extensions().containsKey("unavailable")) {
                return "refused_stock";
            }
            return "refused";
        }
        return "failed";
    }

    private void count(PaymentMethod method, String outcome) {
        registry.counter("kurashi.orders", "payment_method", code(method), "outcome", outcome)
                .increment();
    }

    private static String code(PaymentMethod method) {
        return method == null ? "unknown" : method.code();
    }
}
