package dev.kurashi.order.internal;

import java.time.Instant;

/**
 * The decision table of an {@code Idempotency-Key} that is already stored when a request claims it; the
 * database work around it is {@link IdempotencyService}'s.
 *
 * <table>
 *   <caption>stored key → answer</caption>
 *   <tr><th>request hash</th><th>state</th><th>claimed</th><th>answer</th></tr>
 *   <tr><td>other</td><td>any</td><td>any</td><td>{@link #REUSED}: 422</td></tr>
 *   <tr><td>same</td><td>DONE</td><td>any</td><td>{@link #REPLAY} the stored answer</td></tr>
 *   <tr><td>same</td><td>IN_FLIGHT</td><td>before the stale limit</td><td>{@link #TAKE_OVER} the stale claim</td></tr>
 *   <tr><td>same</td><td>IN_FLIGHT</td><td>since</td><td>{@link #IN_PROGRESS}: 409</td></tr>
 * </table>
 */
enum ClaimDecision {
    REUSED,
    REPLAY,
    TAKE_OVER,
    IN_PROGRESS;

    static ClaimDecision of(boolean sameRequest, boolean done, Instant claimedAt, Instant staleBefore) {
        if (!sameRequest) {
            return REUSED;
        }
        if (done) {
            return REPLAY;
        }
        return claimedAt.isBefore(staleBefore) ? TAKE_OVER : IN_PROGRESS;
    }
}
