package dk.selvbetjening.actionpage;

import java.time.Instant;

/** One revision in an action page's history: who saved it, when, and whether it is live or scheduled. */
public record ActionPageRevisionSummary(int number, String title, String author, Instant createdAt,
        Integer restoredFrom, boolean published, boolean scheduled) {
}
