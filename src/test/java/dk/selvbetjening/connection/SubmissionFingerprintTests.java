package dk.selvbetjening.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dk.selvbetjening.actionpage.ActionPageContent;
import org.junit.jupiter.api.Test;

class SubmissionFingerprintTests {

    private static Submission submission(String title, List<String> topics, ActionPageContent actionPage) {
        return new Submission("NEW", null, title, "https://x.dk/a", "Kort.", "Leverandør A/S", "a@lev.dk", null, null,
                null, topics, null, actionPage);
    }

    @Test
    void theSameContentHasTheSameHashAndAnyChangeAnother() {
        String hash = SubmissionFingerprint.of(submission("Søg om noget", List.of("a", "b"), null));
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(SubmissionFingerprint.of(submission("Søg om noget", List.of("a", "b"), null))).isEqualTo(hash);
        assertThat(SubmissionFingerprint.of(submission("Søg om noget!", List.of("a", "b"), null))).isNotEqualTo(hash);
        assertThat(SubmissionFingerprint.of(submission("Søg om noget", List.of("b", "a"), null))).isNotEqualTo(hash);
        assertThat(SubmissionFingerprint.of(submission("Søg om noget", List.of("a", "b"),
                new ActionPageContent("Søg", null, List.of(), null, null, null, null, null)))).isNotEqualTo(hash);
    }

    @Test
    void fieldBoundariesCannotBeShiftedToFakeTheSameContent() {
        Submission one = new Submission("NEW", null, "ab", "c", "Kort.", "L", "a@lev.dk", null, null, null, List.of(),
                null, null);
        Submission other = new Submission("NEW", null, "a", "bc", "Kort.", "L", "a@lev.dk", null, null, null,
                List.of(), null, null);
        assertThat(SubmissionFingerprint.of(one)).isNotEqualTo(SubmissionFingerprint.of(other));
    }
}
