package dev.kurashi.queueworker.messaging;

import dev.kurashi.notification.SendInProgressException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * When a failed message becomes visible again: exponential back-off from the receive count, capped; a send that
 * another delivery holds is retried just after its lease ends, which takes one receive rather than several.
 */
record RetryPolicy(Duration backoff, Duration maxBackoff) {

    /** SQS caps a visibility timeout at 12 hours. */
    static final Duration MAX_VISIBILITY = Duration.ofHours(12);

    static RetryPolicy of(ConsumerConfig config) {
        return new RetryPolicy(config.retryBackoff(), config.maxRetryBackoff());
    }

    Duration delay(Exception failure, int receiveCount) {
        if (failure instanceof SendInProgressException inProgress) {
            return inProgress.retryAfter().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        }
        long base = Math.max(0, backoff.toSeconds());
        long delay = base << Math.min(20, Math.max(0, receiveCount - 1));
        return Duration.ofSeconds(Math.min(Math.min(delay, maxBackoff.toSeconds()), MAX_VISIBILITY.toSeconds()));
    }
}
