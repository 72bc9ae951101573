package dk.selvbetjening.actionpage.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.PlannedDowntime;
import org.junit.jupiter.api.Test;

class ActionPageDiffTests {

    @Test
    void marksReplacedWordsAsRemovedAndAdded() {
        assertThat(ActionPageDiff.words("Søg om boligstøtte i dag", "Søg om børnetilskud i dag")).containsExactly(
                new DiffSegment(DiffSegment.Kind.SAME, "Søg om "),
                new DiffSegment(DiffSegment.Kind.REMOVED, "boligstøtte"),
                new DiffSegment(DiffSegment.Kind.ADDED, "børnetilskud"),
                new DiffSegment(DiffSegment.Kind.SAME, " i dag"));
    }

    @Test
    void anEmptyFieldThatGetsTextIsOneAddition() {
        assertThat(ActionPageDiff.words("", "Ring til os.")).containsExactly(
                new DiffSegment(DiffSegment.Kind.ADDED, "Ring til os."));
    }

    @Test
    void identicalTextsHaveNoChanges() {
        ActionPageContent content = new ActionPageContent("Meld flytning", "Manchet.", List.of("MitID."), null, null,
                null, null, null, "Lov om CPR", null, null,
                new PlannedDowntime(Instant.parse("2026-12-01T20:00:00Z"), Instant.parse("2026-12-01T23:00:00Z"),
                        "Lukket for vedligehold."));

        assertThat(ActionPageDiff.between(content, content)).noneMatch(FieldDiff::changed).hasSize(12);
    }

    @Test
    void comparesEachFieldOnItsOwnIncludingItemsAndDowntime() {
        ActionPageContent before = new ActionPageContent("Meld flytning", "Manchet.", List.of("MitID.", "CPR."),
                null, null, null, null, null);
        ActionPageContent after = new ActionPageContent("Meld flytning", "Manchet.", List.of("MitID."), null, null,
                null, null, null, null, null, null,
                new PlannedDowntime(Instant.parse("2026-12-01T20:00:00Z"), Instant.parse("2026-12-01T23:00:00Z"),
                        "Lukket."));

        List<FieldDiff> diff = ActionPageDiff.between(before, after);

        assertThat(diff).filteredOn(FieldDiff::changed).extracting(FieldDiff::field)
                .containsExactly("beforeYouStart", "plannedDowntime");
        assertThat(diff).filteredOn(d -> d.field().equals("plannedDowntime")).first()
                .satisfies(d -> assertThat(d.segments()).containsExactly(new DiffSegment(DiffSegment.Kind.ADDED,
                        "01-12-2026 21:00 – 02-12-2026 00:00: Lukket.")));
    }
}
