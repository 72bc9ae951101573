package dk.selvbetjening.compliance;

import java.util.List;

import dk.selvbetjening.catalogue.PublicationGate;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import org.springframework.stereotype.Component;

/**
 * Udviklingsvejledningen's gate: a mandatory (wave 1-4) solution, or its changes, is published only when every
 * requirement in force is met or not relevant (with a reason), or while an editor's exemption is valid.
 */
@Component
class ComplianceGate implements PublicationGate {

    private final AssessmentService assessments;

    ComplianceGate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public List<String> refusals(SelfServiceDetails service) {
        if (service.mandatoryWave() == null) {
            return List.of();
        }
        Readiness readiness = assessments.readiness(service);
        return readiness.passes() ? List.of() : assessments.missing(readiness);
    }
}
