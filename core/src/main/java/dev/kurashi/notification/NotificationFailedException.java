package dev.kurashi.notification;

/** A provider refused a mail or push, or could not be reached; the message is retried later. */
class NotificationFailedException extends RuntimeException {

    public NotificationFailedException(String message) {
        super(message);
    }

    public NotificationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
