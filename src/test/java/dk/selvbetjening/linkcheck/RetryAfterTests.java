package dk.selvbetjening.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryAfterTests {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void readsAnHttpDate() {
        assertThat(RetryAfter.parse("Sat, 01 Mar 2025 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sat, 01 Mar 2025 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    }

    @Test
    void waitsAsAskedButNeverLongerThanTheCapAndDoublesWithoutAnAnswer() {
        Duration cap = Duration.ofSeconds(60);
        assertThat(RetryAfter.delay(Optional.of(Duration.ofSeconds(5)), 0, cap)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryAfter.delay(Optional.of(Duration.ofHours(1)), 0, cap)).isEqualTo(cap);
        assertThat(RetryAfter.delay(Optional.empty(), 0, cap)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryAfter.delay(Optional.empty(), 2, cap)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryAfter.delay(Optional.empty(), 9, cap)).isEqualTo(cap);
    }
}
