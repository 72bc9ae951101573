package dk.selvbetjening.connection.web;

import java.util.Locale;
import java.util.Set;

import dk.selvbetjening.connection.ConnectionRequestKind;
import dk.selvbetjening.connection.ConnectionRequestStatus;
import dk.selvbetjening.connection.QueueFilter;

/**
 * The review queue's filter form (GET), as typed: {@code status}, {@code slags} (kind), {@code aeldreEnd} (submitted
 * at least that many days ago) and {@code side} (the page of the list). Without a status (or an unknown one) the
 * queue shows what waits for the editors; {@value #ALL} shows every status. An unknown kind means any.
 */
public record QueueFilterForm(String status, String slags, String aeldreEnd, String side) {

    static final int MAX_DAYS = 3650;
    static final String ALL = "ALLE";

    QueueFilter toFilter() {
        ConnectionRequestStatus one = value(ConnectionRequestStatus.class, status);
        Set<ConnectionRequestStatus> statuses = one != null ? Set.of(one)
                : showsAll() ? Set.of() : ConnectionRequestStatus.waitingForEditors();
        return new QueueFilter(statuses, value(ConnectionRequestKind.class, slags),
                olderThanDaysValid() ? olderThanDays() : null);
    }

    /** Every status, not only what waits. */
    boolean showsAll() {
        return status != null && ALL.equalsIgnoreCase(status.strip());
    }

    /** The one status asked for, or null (what waits, or every status). */
    ConnectionRequestStatus selectedStatus() {
        return value(ConnectionRequestStatus.class, status);
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
