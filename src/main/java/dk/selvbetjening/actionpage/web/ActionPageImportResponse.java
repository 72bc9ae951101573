package dk.selvbetjening.actionpage.web;

import java.time.Instant;
import java.util.List;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.word.DocxImport;
import dk.selvbetjening.actionpage.PlannedDowntime;
import io.swagger.v3.oas.annotations.media.Schema;

/** What {@code POST /api/v1/action-pages/import} answers: the action page read from the file, and what was not. */
record ActionPageImportResponse(
        ImportedActionPage actionPage,
        @Schema(description = "Text the file holds that could not be placed, in Danish, e.g. under an unknown heading")
        List<String> unplaced) {

    static ActionPageImportResponse of(DocxImport imported) {
        ActionPageContent c = imported.content();
        PlannedDowntime d = c.plannedDowntime();
        return new ActionPageImportResponse(new ImportedActionPage(c.title(), c.intro(), c.beforeYouStart(), c.startLabel(),
                c.continuesOn(), c.alternatives(), c.afterwards(), c.moreInformation(), c.rules(), c.fees(),
                c.deadlines(), d == null ? null : new ImportedDowntime(d.from(), d.until(), d.message())),
                imported.unplaced());
    }

    /**
     * The action page's elements with the names every API uses; empty ones are null. Texts of several paragraphs
     * have a blank line ("\n\n") between them.
     */
    record ImportedActionPage(String title, String intro, List<String> beforeYouStart, String startLabel,
            String continuesOn, String alternatives, String afterwards, String moreInformation, String rules,
            String fees, String deadlines, ImportedDowntime plannedDowntime) {
    }

    /** A period the self-service will be closed, and the message citizens see about it. */
    record ImportedDowntime(Instant from, Instant until, String message) {
    }
}
