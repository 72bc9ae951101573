package dk.selvbetjening.compliance;

import java.time.Instant;
import java.util.List;

import dk.selvbetjening.catalogue.SelfServiceDetails;

/**
 * A self-service's assessment: every requirement in force with its answer and state, the catalogue version last
 * answered ({@code catalogueVersion}, null before any answer) beside the current one, whether it may be published,
 * the exemptions and this year's sign-off. {@code version}: -1 before the first answer, for If-Match.
 */
public record AssessmentDetails(SelfServiceDetails service, String authorityName, Integer catalogueVersion,
        int currentCatalogueVersion, long version, Instant updatedAt, String updatedBy,
        List<RequirementAssessment> rows, Readiness readiness, List<ExemptionDetails> exemptions, int year,
        SignOffDetails signOff, SignOffState signOffState) {

    public boolean mandatory() {
        return service.mandatoryWave() != null;
    }

    public String etag() {
        return "\"" + version + "\"";
    }

    public long answered() {
        return rows.stream().filter(r -> r.answer() != null).count();
    }

    public long satisfied() {
        return rows.stream().filter(r -> r.state().satisfied()).count();
    }
}
