package dk.selvbetjening.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class DanishTimeTests {

    @Test
    void showsAnInstantInDanishTimeSummerAndWinter() {
        assertThat(DanishTime.dateTime(Instant.parse("2026-12-01T11:05:00Z"))).isEqualTo("1. december 2026 kl. 12.05");
        assertThat(DanishTime.dateTime(Instant.parse("2026-07-01T22:30:00Z"))).isEqualTo("2. juli 2026 kl. 00.30");
        assertThat(DanishTime.date(Instant.parse("2026-07-01T22:30:00Z"))).isEqualTo("2. juli 2026");
    }

    @Test
    void showsDatesAndZonedTimesAlike() {
        assertThat(DanishTime.date(LocalDate.of(2026, 3, 9))).isEqualTo("9. marts 2026");
        assertThat(DanishTime.dateTime(Instant.parse("2026-03-09T08:00:00Z").atZone(ZoneOffset.UTC)))
                .isEqualTo("9. marts 2026 kl. 09.00");
        assertThat(DanishTime.date(null)).isNull();
        assertThat(DanishTime.dateTime(null)).isNull();
    }

    @Test
    void readsADatetimeLocalInputAsDanishTime() {
        assertThat(DanishTime.parse("2026-07-01T12:00")).hasValue(Instant.parse("2026-07-01T10:00:00Z"));
        assertThat(DanishTime.parse("2026-12-01T12:00:30")).hasValue(Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(DanishTime.parse("31-12-2026 12:00")).isEmpty();
        assertThat(DanishTime.parse("+10000-01-01T00:00")).isEmpty();
        assertThat(DanishTime.parse("1899-12-31T23:59")).isEmpty();
        assertThat(DanishTime.parse(" ")).isEmpty();
        assertThat(DanishTime.input(Instant.parse("2026-07-01T10:00:00Z"))).isEqualTo("2026-07-01T12:00");
        assertThat(DanishTime.input(null)).isEmpty();
    }
}
