package dk.selvbetjening.actionpage;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ActionPageContentTests {

    private static final PlannedDowntime DOWNTIME = new PlannedDowntime(Instant.parse("2027-03-01T21:00:00Z"),
            Instant.parse("2027-03-02T05:00:00Z"), "Lukket.");

    @Test
    void hasTextWhenAnyElementHasTextOrADowntimeIsSet() {
        assertThat(new ActionPageContent(null, " ", List.of(), null, null, null, null, null).hasText()).isFalse();
        assertThat(new ActionPageContent(null, null, List.of("MitID."), null, null, null, null, null).hasText())
                .isTrue();
        assertThat(new ActionPageContent(null, null, List.of(), null, null, null, null, null, null, "Gratis.", null,
                null).hasText()).isTrue();
        assertThat(new ActionPageContent(null, null, List.of(), null, null, null, null, null, null, null, null,
                DOWNTIME).hasText()).isTrue();
    }

    @Test
    void namesEveryElementThatCannotBeSavedInTheOrderOfTheElements() {
        String tooLong = "x".repeat(ActionPageContent.TEXT_MAX + 1);
        ActionPageContent content = new ActionPageContent(" ", "y".repeat(ActionPageContent.INTRO_MAX + 1),
                List.of("z".repeat(ActionPageContent.ITEM_MAX + 1)), null, null, null, null, tooLong, tooLong, null,
                tooLong, new PlannedDowntime(DOWNTIME.from(), DOWNTIME.until(), "m".repeat(PlannedDowntime.MESSAGE_MAX + 1)));
        assertThat(content.problems()).containsExactly(
                entry("title", "actionpage.editor.error.title.missing"),
                entry("intro", "actionpage.editor.error.intro.tooLong"),
                entry("beforeYouStart", "actionpage.editor.error.beforeYouStart.tooLong"),
                entry("moreInformation", "actionpage.editor.error.moreInformation.tooLong"),
                entry("rules", "actionpage.editor.error.rules.tooLong"),
                entry("deadlines", "actionpage.editor.error.deadlines.tooLong"),
                entry("plannedDowntime", "actionpage.editor.error.downtime.messageTooLong"));
        assertThat(new ActionPageContent("Søg om pas", "Her søger du.", List.of("MitID."), null, null, null, null,
                null, null, null, null, DOWNTIME).problems()).isEmpty();
    }
}
