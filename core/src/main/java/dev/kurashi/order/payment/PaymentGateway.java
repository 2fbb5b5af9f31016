package dev.kurashi.order.payment;

/**
 * The port to a payment provider. Checkout authorizes once per order attempt and voids the authorization
 * when the order's transaction does not commit, so a customer is never charged for an order that does
 * not exist.
 */
public interface PaymentGateway {

    /** Authorizes a card charge, or opens a konbini payment slip. Never throws for a declined card. */
    PaymentResult authorize(PaymentRequest request);

    /** Voids an authorization (or konbini slip) whose order was not placed. Safe to call twice. */
    void cancel(String paymentId);
}
