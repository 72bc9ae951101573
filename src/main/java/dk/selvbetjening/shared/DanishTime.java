package dk.selvbetjening.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

/**
 * Danish time (Europe/Copenhagen, the application clock's zone too) as people read it on pages and in mails —
 * "27. november 2026" and "27. november 2026 kl. 10.30" — and as an editor types it in a {@code datetime-local}
 * input ("2026-11-27T10:30"). Templates call it as {@code #danishTime} (shared.web.DanishTimeDialect).
 */
public final class DanishTime {

    /** The one time zone the application shows and reads times in, by name (for annotations). */
    public static final String ZONE_NAME = "Europe/Copenhagen";

    /** The one time zone the application shows and reads times in, as a zone. */
    public static final ZoneId ZONE = ZoneId.of(ZONE_NAME);

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 9999;

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH).withZone(ZONE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
            .ofPattern("d. MMMM yyyy 'kl.' HH.mm", DANISH).withZone(ZONE);

    /** For templates, which call it through an instance. */
    public DanishTime() {
    }

    /** "27. november 2026" for an instant, a zoned time or a date (an instant's day in Danish time); null for null. */
    public static String date(TemporalAccessor time) {
        return time == null ? null : DATE.format(time);
    }

    /** "27. november 2026 kl. 10.30" for an instant or a zoned time, in Danish time; null for null. */
    public static String dateTime(TemporalAccessor time) {
        return time == null ? null : DATE_TIME.format(time);
    }

    /**
     * The instant of a {@code datetime-local} value read as Danish time; empty when blank or not a date and time.
     * Seconds, which some browsers add, are accepted and dropped. Years outside 2000-9999 are not a time anyone
     * means (and not every database stores them).
     */
    public static Optional<Instant> parse(String value) {
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
    public static String input(Instant instant) {
        return instant == null ? "" : INPUT.format(instant.atZone(ZONE));
    }
}
