package dk.selvbetjening.compliance;

import java.util.List;

/**
 * Whether a self-service may be published as far as the requirements go. A solution that is not mandatory always
 * may; a mandatory one when every requirement in force is met or not relevant, or while an exemption is valid.
 * {@code unmet}: the requirements that are not satisfied; {@code exemption}: the valid exemption, or null.
 */
public record Readiness(boolean mandatory, List<RequirementAssessment> unmet, ExemptionDetails exemption) {

    public Readiness {
        unmet = List.copyOf(unmet);
    }

    public boolean requirementsMet() {
        return unmet.isEmpty();
    }

    public boolean passes() {
        return !mandatory || requirementsMet() || exemption != null;
    }

    /** The rule itself: {@code rows} are every requirement in force with its state. */
    static Readiness of(boolean mandatory, List<RequirementAssessment> rows, ExemptionDetails validExemption) {
        return new Readiness(mandatory, rows.stream().filter(r -> !r.state().satisfied()).toList(), validExemption);
    }
}
