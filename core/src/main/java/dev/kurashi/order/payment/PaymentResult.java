package dev.kurashi.order.payment;

import java.time.Instant;

/**
 * The provider's answer. {@code APPROVED}: a card charge is authorized. {@code PENDING}: a konbini slip is
 * open until {@code payBy}, with the number the customer pays with (and the provider's voucher page, if it has
 * one). {@code DECLINED}: nothing happened.
 */
public record PaymentResult(
        Outcome outcome,
        String paymentId,
        String declineReason,
        String konbiniPaymentNumber,
        Instant payBy,
        String konbiniVoucherUrl) {

    public enum Outcome {
        APPROVED,
        PENDING,
        DECLINED
    }

    public static PaymentResult approved(String paymentId) {
        return new PaymentResult(Outcome.APPROVED, paymentId, null, null, null, null);
    }

    public static PaymentResult pending(
            String paymentId, String konbiniPaymentNumber, Instant payBy, String konbiniVoucherUrl) {
        return new PaymentResult(Outcome.PENDING, paymentId, null, konbiniPaymentNumber, payBy, konbiniVoucherUrl);
    }

    public static PaymentResult declined(String reason) {
        return new PaymentResult(Outcome.DECLINED, null, reason, null, null, null);
    }
}
