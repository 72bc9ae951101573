package dk.selvbetjening.actionpage.web;

import dk.selvbetjening.actionpage.ActionPageRevisionSummary;
import dk.selvbetjening.shared.DanishTime;

/** One revision in the history, its time in Danish time. */
public record RevisionRow(int number, String title, String author, String createdAt, Integer restoredFrom,
        boolean published, boolean scheduled) {

    static RevisionRow of(ActionPageRevisionSummary summary) {
        return new RevisionRow(summary.number(), summary.title(), summary.author(),
                DanishTime.dateTime(summary.createdAt()), summary.restoredFrom(), summary.published(),
                summary.scheduled());
    }
}
