package dev.kurashi.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision table of a stored Idempotency-Key, row by row (the stale limit is 12:00). */
class ClaimDecisionTest {

    private static final Instant STALE_BEFORE = Instant.parse("2026-12-01T12:00:00Z");

    @ParameterizedTest(name = "same request {0}, done {1}, claimed {2} → {3}")
    @CsvSource({
        "false, true,  2026-12-01T12:30:00Z, REUSED",
        "false, false, 2026-12-01T11:00:00Z, REUSED",
        "true,  true,  2026-12-01T11:00:00Z, REPLAY",
        "true,  true,  2026-12-01T12:30:00Z, REPLAY",
        "true,  false, 2026-12-01T11:59:59Z, TAKE_OVER",
        "true,  false, 2026-12-01T12:00:00Z, IN_PROGRESS",
        "true,  false, 2026-12-01T12:30:00Z, IN_PROGRESS",
    })
    void decides(boolean sameRequest, boolean done, Instant claimedAt, ClaimDecision expected) {
        assertThat(ClaimDecision.of(sameRequest, done, claimedAt, STALE_BEFORE)).isEqualTo(expected);
    }
}
