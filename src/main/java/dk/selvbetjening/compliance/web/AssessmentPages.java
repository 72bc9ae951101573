package dk.selvbetjening.compliance.web;

import java.util.List;

import dk.selvbetjening.actionpage.ActionPageDetails;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.guide.GuideChecks;
import dk.selvbetjening.actionpage.guide.GuideFinding;
import dk.selvbetjening.compliance.AssessmentDetails;
import dk.selvbetjening.compliance.AssessmentService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the assessment pages show besides the assessment: the areas, the caller's rights, and beside requirement 2.2
 * ("Forbered brugerne") the guide checks of the service's current action page text.
 */
@Component
class AssessmentPages {

    static final List<Integer> AREAS = List.of(1, 2, 3, 4);

    private final AssessmentService assessments;
    private final ActionPageService actionPages;
    private final GuideChecks guideChecks;

    AssessmentPages(AssessmentService assessments, ActionPageService actionPages, GuideChecks guideChecks) {
        this.assessments = assessments;
        this.actionPages = actionPages;
        this.guideChecks = guideChecks;
    }

    void addAssessment(AssessmentDetails assessment, Model model) {
        model.addAttribute("a", assessment);
        model.addAttribute("areas", AREAS);
        model.addAttribute("mayAnswer", assessments.mayAnswer(assessment.service()));
        model.addAttribute("mayReview", assessments.mayReview());
        model.addAttribute("missing", assessments.missing(assessment.readiness()));
        model.addAttribute("guide", guideFindings(assessment));
    }

    /** The guide checks of the action page citizens see (or the newest text when none is published); null: no page. */
    private List<GuideFinding> guideFindings(AssessmentDetails assessment) {
        var id = assessment.service().id();
        return actionPages.find(id).map(ActionPageDetails::content).or(() -> actionPages.latest(id))
                .map(content -> guideChecks.check(content, assessment.mandatory()).findings())
                .orElse(null);
    }
}
