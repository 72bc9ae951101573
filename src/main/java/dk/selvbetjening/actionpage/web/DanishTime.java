package dk.selvbetjening.actionpage.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Danish wall-clock time (Europe/Copenhagen) as the editor types it in a {@code datetime-local} input
 * ("2026-11-27T10:30") and reads it on the page ("27. november 2026 kl. 10.30").
 */
final class DanishTime {

    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 9999;

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter READABLE = DateTimeFormatter
            .ofPattern("d. MMMM yyyy 'kl.' HH.mm", Locale.forLanguageTag("da")).withZone(ZONE);

    private DanishTime() {
    }

    /**
     * The instant of a {@code datetime-local} value read as Danish time; empty when blank or not a date and time.
     * Seconds, which some browsers add, are accepted and dropped. Years outside 2000-9999 are not a time anyone
     * means (and not every database stores them).
     */
    static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.parse(value.strip()).truncatedTo(ChronoUnit.MINUTES);
            if (local.getYear() < FIRST_YEAR || local.getYear() > LAST_YEAR) {
                return Optional.empty();
            }
            return Optional.of(local.atZone(ZONE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The value a {@code datetime-local} input shows for {@code instant}; empty text for null. */
    static String input(Instant instant) {
        return instant == null ? "" : INPUT.format(instant.atZone(ZONE));
    }

    /** "27. november 2026 kl. 10.30"; null for null. */
    static String readable(Instant instant) {
        return instant == null ? null : READABLE.format(instant);
    }
}
