package dk.selvbetjening.actionpage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dk.selvbetjening.actionpage.diff.DiffSegment;
import dk.selvbetjening.actionpage.diff.DiffSegment.Kind;
import dk.selvbetjening.actionpage.diff.FieldDiff;
import org.junit.jupiter.api.Test;

class DiffViewTests {

    private static DiffSegment same(String text) {
        return new DiffSegment(Kind.SAME, text);
    }

    @Test
    void changedWordsWithOnlySpacesBetweenThemReadAsOneRemovedAndOneAddedText() {
        FieldDiff diff = new FieldDiff("intro", List.of(same("Gør det "), new DiffSegment(Kind.REMOVED, "online."),
                new DiffSegment(Kind.ADDED, "på"), same(" "), new DiffSegment(Kind.ADDED, "nettet."), same(" Nu.")));
        assertThat(DiffView.of(diff).segments()).containsExactly(same("Gør det "),
                new DiffSegment(Kind.REMOVED, "online."), new DiffSegment(Kind.ADDED, "på nettet."), same(" Nu."));
    }

    @Test
    void wordsThatStayTheSameStillSeparateTwoChanges() {
        FieldDiff diff = new FieldDiff("title", List.of(new DiffSegment(Kind.REMOVED, "Meld"),
                new DiffSegment(Kind.ADDED, "Søg"), same(" om "), new DiffSegment(Kind.ADDED, "ny"), same(" flytning")));
        assertThat(DiffView.of(diff).segments()).containsExactly(new DiffSegment(Kind.REMOVED, "Meld"),
                new DiffSegment(Kind.ADDED, "Søg"), same(" om "), new DiffSegment(Kind.ADDED, "ny"), same(" flytning"));
    }
}
