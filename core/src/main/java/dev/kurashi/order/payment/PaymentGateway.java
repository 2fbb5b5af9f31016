package dev.kurashi.order.payment;

/**
 * The port to a payment provider. Checkout authorizes once per order attempt, captures a card authorization once
 * the order has committed, and voids the authorization when the order's transaction does not commit, so a
 * customer is never charged for an order that does not exist. Which adapter runs is {@link PaymentConfig#provider()}.
 */
public interface PaymentGateway {

    /**
     * Authorizes a card charge, or opens a konbini payment slip. Never throws for a declined card; throws
     * {@link PaymentUnavailableException} when the provider cannot be reached or answers with an error.
     */
    PaymentResult authorize(PaymentRequest request);

    /** Captures an authorized card charge of a placed order. Safe to call twice. */
    void capture(String paymentId);

    /** Voids an authorization (or konbini slip) whose order was not placed. Safe to call twice. */
    void cancel(String paymentId);
}
