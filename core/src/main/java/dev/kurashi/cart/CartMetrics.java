package dev.kurashi.cart;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code kurashi_cart_adds_total}: each time a customer puts a SKU in the cart or changes its quantity. */
@ApplicationScoped
class CartMetrics {

    private final Counter adds;

    CartMetrics(MeterRegistry registry) {
        this.adds = registry.counter("kurashi.cart.adds");
    }

    void added() {
        adds.increment();
    }
}
