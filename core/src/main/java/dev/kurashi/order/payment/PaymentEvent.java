package dev.kurashi.order.payment;

/**
 * A provider's notification about a payment, once its signature is verified: {@code eventId} is the provider's
 * id of the notification (a redelivery has the same one), {@code paymentId} the payment it is about.
 */
public record PaymentEvent(String eventId, String providerType, Kind kind, String paymentId) {

    public enum Kind {
        /** The money arrived (a konbini slip was paid, a card charge succeeded). */
        SUCCEEDED,
        /** The payment will not happen: the slip expired, the charge failed or was cancelled. */
        FAILED,
        /** Nothing for the order to do. */
        IGNORED
    }
}
