package dk.selvbetjening.compliance;

import java.util.List;
import java.util.UUID;

import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.compliance.requirement.RequirementCatalogue;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SystemPrincipal;
import org.springframework.stereotype.Component;

/**
 * Mandatory solutions and their answers for the compliance tests, through the modules' own services, as the application
 * itself ({@link SystemPrincipal}).
 */
@Component
public class ComplianceFixtures {

    private final SelfServiceService services;
    private final ActionPageService actionPages;
    private final AssessmentService assessments;
    private final RequirementCatalogue catalogue;

    ComplianceFixtures(SelfServiceService services, ActionPageService actionPages, AssessmentService assessments,
            RequirementCatalogue catalogue) {
        this.services = services;
        this.actionPages = actionPages;
        this.assessments = assessments;
        this.catalogue = catalogue;
    }

    /** A draft wave solution with its action page, owned by {@code authorityId}. */
    public SelfServiceDetails waveDraft(UUID authorityId, int wave) {
        return draft(SelfServiceFixtures.aWaveSelfService(authorityId, "https://www.example-styrelse.dk/flyt", wave));
    }

    public SelfServiceDetails draft(NewSelfService command) {
        return SystemPrincipal.call(() -> {
            SelfServiceDetails service = services.add(command);
            actionPages.write(service.id(), PortalTestData.anActionPage(command.title()));
            return service;
        });
    }

    /** Every requirement in force answered with {@code status} and a justification. */
    public AssessmentDetails answerAll(UUID serviceId, AnswerStatus status) {
        return SystemPrincipal.call(() -> assessments.answer(serviceId, null, catalogue.inForce().stream()
                .map(r -> new AnswerInput(r.number(), status, "Begrundelse for " + r.number(), null)).toList()));
    }

    public AssessmentDetails answer(UUID serviceId, String number, AnswerStatus status, String justification) {
        return SystemPrincipal.call(() -> assessments.answer(serviceId, null,
                List.of(new AnswerInput(number, status, justification, null))));
    }

    /** A wave solution meeting every requirement, published. */
    public SelfServiceDetails publishedWave(UUID authorityId, int wave) {
        SelfServiceDetails service = waveDraft(authorityId, wave);
        answerAll(service.id(), AnswerStatus.MET);
        return SystemPrincipal.call(() -> services.publish(service.id()));
    }
}
