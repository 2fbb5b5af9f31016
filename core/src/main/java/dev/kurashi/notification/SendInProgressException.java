package dev.kurashi.notification;

import java.time.Duration;

/**
 * Another delivery of the same message holds the send (its lease has not run out): this one must not send too.
 * The consumer retries the message after {@link #retryAfter()}, when the send is either SENT or free to take over.
 */
public class SendInProgressException extends RuntimeException {

    private final Duration retryAfter;

    public SendInProgressException(String dedupeId, Duration retryAfter) {
        super("send " + dedupeId + " is in progress elsewhere; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
