package dev.kurashi.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cursor parsing of the (time, id) lists: what a next cursor carries comes back, anything else is a 400. */
class TimeKeyTest {

    @Test
    void aKeyRoundTripsThroughTheOpaqueCursor() {
        Instant at = Instant.parse("2026-12-01T03:00:00.123456Z");
        UUID id = UUID.randomUUID();
        PageRequest next = PageRequest.of(PageRequest.encode(TimeKey.of(at, id)), 20);

        assertThat(TimeKey.parse(next.afterKey(), UUID::fromString)).isEqualTo(new TimeKey<>(at, id));
        assertThat(TimeKey.parse(TimeKey.of(at, 42L), Long::parseLong)).isEqualTo(new TimeKey<>(at, 42L));
    }

    @Test
    void theFirstPageHasNoKey() {
        assertThat(TimeKey.parse(null, Long::parseLong)).isNull();
        assertThat(PageRequest.of(" ", null).afterKey()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "|",
                "42",
                "2026-12-01T03:00:00Z",
                "2026-12-01T03:00:00Z|",
                "|42",
                "yesterday|42",
                "2026-12-01T03:00:00Z|forty-two"
            })
    void anythingElseIsAnInvalidCursor(String key) {
        assertThatThrownBy(() -> TimeKey.parse(key, Long::parseLong))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("cursor is not valid");
    }

    @Test
    void aCursorThatIsNotBase64OrTooLongIsInvalid() {
        assertThatThrownBy(() -> PageRequest.of("***", 20)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> PageRequest.of("a".repeat(201), 20)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> PageRequest.of(null, 101)).isInstanceOf(DomainException.class);
    }
}
