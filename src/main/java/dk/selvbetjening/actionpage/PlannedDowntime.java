package dk.selvbetjening.actionpage;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dk.selvbetjening.shared.DanishTime;

/**
 * A period the self-service will be closed, and the message citizens see about it. The notice is shown on the
 * action page from a day before {@code from} until {@code until} (as GOV.UK's start pages do).
 */
public record PlannedDowntime(Instant from, Instant until, String message) {

    /** How long before the downtime starts its notice is shown. */
    public static final Duration NOTICE = Duration.ofDays(1);

    public static final int MESSAGE_MAX = 500;

    /** How a downtime's start and end are written for people: Danish time to the minute, "01-03-2027 22:00". */
    public static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm")
            .withZone(DanishTime.ZONE);

    public PlannedDowntime {
        if (from == null || until == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a planned downtime needs a start, an end and a message");
        }
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("a planned downtime must end after it starts");
        }
        message = message.strip();
    }

    /** Whether the notice is on the page at {@code now}: from a day before the start until the end. */
    public boolean shownAt(Instant now) {
        return !now.isBefore(from.minus(NOTICE)) && now.isBefore(until);
    }

    /** Whether the self-service is closed at {@code now}. */
    public boolean activeAt(Instant now) {
        return !now.isBefore(from) && now.isBefore(until);
    }
}
