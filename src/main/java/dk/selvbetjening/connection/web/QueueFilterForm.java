package dk.selvbetjening.connection.web;

import java.util.Locale;

import dk.selvbetjening.connection.ConnectionRequestKind;
import dk.selvbetjening.connection.ConnectionRequestStatus;
import dk.selvbetjening.connection.QueueFilter;

/**
 * The review queue's filter form (GET), as typed: {@code status}, {@code slags} (kind) and {@code aeldreEnd}
 * (submitted at least that many days ago). An unknown status or kind means any.
 */
public record QueueFilterForm(String status, String slags, String aeldreEnd) {

    static final int MAX_DAYS = 3650;

    QueueFilter toFilter() {
        return new QueueFilter(value(ConnectionRequestStatus.class, status), value(ConnectionRequestKind.class, slags),
                olderThanDaysValid() ? olderThanDays() : null);
    }

    /** Empty, or a whole number of days from 0 to 3650. */
    boolean olderThanDaysValid() {
        return aeldreEnd == null || aeldreEnd.isBlank() || olderThanDays() != null;
    }

    private Integer olderThanDays() {
        if (aeldreEnd == null || aeldreEnd.isBlank()) {
            return null;
        }
        try {
            int days = Integer.parseInt(aeldreEnd.strip());
            return days >= 0 && days <= MAX_DAYS ? days : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
