package dev.kurashi.queueworker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.notification.SendInProgressException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The back-off of a failed message, without SQS: doubling per receive, capped, a held send just after its lease. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void doublesPerReceiveFromTheBase() {
        assertThat(policy.delay(new IllegalStateException(), 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delay(new IllegalStateException(), 2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delay(new IllegalStateException(), 4)).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void neverAboveTheCapNorSqsLimitAndNeverNegative() {
        assertThat(policy.delay(new IllegalStateException(), 6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delay(new IllegalStateException(), 10_000)).isEqualTo(Duration.ofMinutes(5));
        RetryPolicy uncapped = new RetryPolicy(Duration.ofHours(1), Duration.ofDays(7));
        assertThat(uncapped.delay(new IllegalStateException(), 30)).isEqualTo(RetryPolicy.MAX_VISIBILITY);
        assertThat(policy.delay(new IllegalStateException(), 0)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aHeldSendRetriesOneSecondAfterItsLeaseWhateverTheReceive() {
        SendInProgressException held = new SendInProgressException("d", Duration.ofMillis(4_300));
        assertThat(policy.delay(held, 1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delay(held, 5)).isEqualTo(Duration.ofSeconds(5));
    }
}
