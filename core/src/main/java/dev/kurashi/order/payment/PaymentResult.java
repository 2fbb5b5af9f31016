package dev.kurashi.order.payment;

import java.time.Instant;

/**
 * The provider's answer. {@code APPROVED}: a card charge is authorized. {@code PENDING}: a konbini slip is
 * open until {@code payBy}, with the number the customer pays with. {@code DECLINED}: nothing happened.
 */
public record PaymentResult(
        Outcome outcome, String paymentId, String declineReason, String konbiniPaymentNumber, Instant payBy) {

    public enum Outcome {
        APPROVED,
        PENDING,
        DECLINED
    }

    public static PaymentResult approved(String paymentId) {
        return new PaymentResult(Outcome.APPROVED, paymentId, null, null, null);
    }

    public static PaymentResult pending(String paymentId, String konbiniPaymentNumber, Instant payBy) {
        return new PaymentResult(Outcome.PENDING, paymentId, null, konbiniPaymentNumber, payBy);
    }

    public static PaymentResult declined(String reason) {
        return new PaymentResult(Outcome.DECLINED, null, reason, null, null);
    }
}
