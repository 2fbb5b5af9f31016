package dev.kurashi.order.payment;

import dev.kurashi.order.PaymentMethod;

/**
 * What to authorize. {@code reference} identifies the attempt (customer and idempotency key), so that a
 * provider with its own idempotency can deduplicate retries. {@code payerName} and {@code payerEmail} are what a
 * konbini slip needs (the provider mails the slip and prints the name on it); a card payment ignores them.
 */
public record PaymentRequest(
        String reference, long amountJpy, PaymentMethod method, String cardToken, String payerName, String payerEmail) {

    @Override
    public String toString() {
        // the card token and the payer never reach a log
        return "PaymentRequest[reference=" + reference + ", amountJpy=" + amountJpy + ", method=" + method + "]";
    }
}
