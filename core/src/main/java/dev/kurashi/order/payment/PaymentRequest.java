package dev.kurashi.order.payment;

import dev.kurashi.order.PaymentMethod;

/**
 * What to authorize. {@code reference} identifies the attempt (customer and idempotency key), so that a
 * provider with its own idempotency can deduplicate retries.
 */
public record PaymentRequest(String reference, int amountJpy, PaymentMethod method, String cardToken) {

    @Override
    public String toString() {
        // the card token never reaches a log
        return "PaymentRequest[reference=" + reference + ", amountJpy=" + amountJpy + ", method=" + method + "]";
    }
}
