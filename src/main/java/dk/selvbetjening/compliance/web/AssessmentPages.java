package dk.selvbetjening.compliance.web;

import java.util.List;

import dk.selvbetjening.compliance.AssessmentDetails;
import dk.selvbetjening.compliance.AssessmentService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the assessment pages show besides the assessment: the areas, the caller's rights. */
@Component
class AssessmentPages {

    static final List<Integer> AREAS = List.of(1, 2, 3, 4);

    private final AssessmentService assessments;

    AssessmentPages(AssessmentService assessments) {
        this.assessments = assessments;
    }

    void addAssessment(AssessmentDetails assessment, Model model) {
        model.addAttribute("a", assessment);
        model.addAttribute("areas", AREAS);
        model.addAttribute("mayAnswer", assessments.mayAnswer(assessment.service()));
        model.addAttribute("mayReview", assessments.mayReview());
        model.addAttribute("missing", assessments.missing(assessment.readiness()));
    }
}
