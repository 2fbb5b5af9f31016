package dev.kurashi.order.payment;

/** The provider could not be asked (network, outage, our own configuration): nothing was charged. */
class PaymentUnavailableException extends RuntimeException {

    public PaymentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
