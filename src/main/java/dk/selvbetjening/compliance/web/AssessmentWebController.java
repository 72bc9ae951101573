package dk.selvbetjening.compliance.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dk.selvbetjening.compliance.AnswerInput;
import dk.selvbetjening.compliance.AnswerReview;
import dk.selvbetjening.compliance.AnswerStatus;
import dk.selvbetjening.compliance.AssessmentDetails;
import dk.selvbetjening.compliance.AssessmentService;
import dk.selvbetjening.compliance.InvalidInputException;
import dk.selvbetjening.compliance.RequirementAssessment;
import dk.selvbetjening.compliance.SignOffRefusedException;
import dk.selvbetjening.shared.web.SeeOther;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The backoffice's assessments: the mandatory solutions the account may act for, one solution's assessment with the
 * editors' review, exemptions and the sign-off, and the form where the owning authority answers the requirements.
 */
@Controller
class AssessmentWebController {

    static final String BASE = "/redaktion/vurderinger";
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");

    private final AssessmentService assessments;
    private final AssessmentPages pages;

    AssessmentWebController(AssessmentService assessments, AssessmentPages pages) {
        this.assessments = assessments;
        this.pages = pages;
    }

    @GetMapping(BASE)
    String overview(Model model) {
        model.addAttribute("assessments", assessments.mandatory());
        return "compliance/assessments";
    }

    @GetMapping(BASE + "/{slug}")
    String assessment(@PathVariable String slug, Model model) {
        return page(assessments.forAccount(slug), model);
    }

    @GetMapping(BASE + "/{slug}/udfyld")
    String answerForm(@PathVariable String slug, Model model) {
        AssessmentDetails assessment = assessments.forAccount(slug);
        requireMayAnswer(assessment);
        Map<String, String> typed = new LinkedHashMap<>();
        for (RequirementAssessment row : assessment.rows()) {
            if (row.answer() != null) {
                String n = row.requirement().number();
                typed.put("status_" + n, row.answer().status().name());
                typed.put("justification_" + n, row.answer().justification() == null ? "" : row.answer().justification());
                typed.put("evidence_" + n, row.answer().evidenceUrl() == null ? "" : row.answer().evidenceUrl());
            }
        }
        typed.put("version", Long.toString(assessment.version()));
        return form(assessment, typed, Map.of(), null, model);
    }

    @PostMapping(BASE + "/{slug}/udfyld")
    ModelAndView answer(@PathVariable String slug, @RequestParam Map<String, String> parameters, Model model,
            RedirectAttributes redirect) {
        AssessmentDetails assessment = assessments.forAccount(slug);
        requireMayAnswer(assessment);
        List<AnswerInput> answers = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (RequirementAssessment row : assessment.rows()) {
            String n = row.requirement().number();
            String status = parameters.get("status_" + n);
            if (status == null || status.isBlank()) {
                continue;
            }
            AnswerStatus parsed;
            try {
                parsed = AnswerStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.put("status_" + n, "compliance.answer.error.status");
                continue;
            }
            answers.add(new AnswerInput(n, parsed, parameters.get("justification_" + n), parameters.get("evidence_" + n)));
        }
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            assessments.answer(assessment.service().id(), version(parameters.get("version")), answers);
        } catch (InvalidInputException e) {
            return new ModelAndView(form(assessment, parameters, e.errors(), null, model), HttpStatus.OK);
        } catch (ObjectOptimisticLockingFailureException e) {
            ModelAndView page = new ModelAndView(form(assessments.forAccount(slug), parameters, Map.of(),
                    "compliance.web.conflict", model));
            page.setStatus(HttpStatus.CONFLICT);
            return page;
        }
        redirect.addFlashAttribute("notice", "compliance.web.assessment.notice.saved");
        return SeeOther.to(BASE + "/{slug}", slug);
    }

    @PostMapping(BASE + "/{slug}/krav/{number}/gennemgaa")
    ModelAndView review(@PathVariable String slug, @PathVariable String number,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
            Model model, RedirectAttributes redirect) {
        AssessmentDetails assessment = assessments.forAccount(slug);
        AnswerReview review = "spoerg".equals(outcome) ? AnswerReview.QUESTIONED : AnswerReview.VERIFIED;
        model.addAttribute("typedNote", Map.of(number, note == null ? "" : note));
        return act(slug, model, redirect, review == AnswerReview.VERIFIED ? "compliance.web.review.notice.verified"
                : "compliance.web.review.notice.questioned", "krav-" + number,
                () -> assessments.review(assessment.service().id(), number, review, note));
    }

    @PostMapping(BASE + "/{slug}/bekraeft-alle")
    ModelAndView verifyAll(@PathVariable String slug, Model model, RedirectAttributes redirect) {
        AssessmentDetails assessment = assessments.forAccount(slug);
        return act(slug, model, redirect, "compliance.web.review.notice.verifiedAll", null,
                () -> assessments.verifyAll(assessment.service().id()));
    }

    @PostMapping(BASE + "/{slug}/dispensation")
    ModelAndView grantExemption(@PathVariable String slug, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String validUntil, Model model, RedirectAttributes redirect) {
        AssessmentDetails assessment = assessments.forAccount(slug);
        model.addAttribute("typed", Map.of("reason", reason == null ? "" : reason,
                "validUntil", validUntil == null ? "" : validUntil));
        LocalDate until;
        try {
            until = validUntil == null || validUntil.isBlank() ? null : LocalDate.parse(validUntil.strip(), DANISH_DATE);
        } catch (DateTimeParseException e) {
            model.addAttribute("errors", Map.of("validUntil", "compliance.exemption.error.validUntil"));
            return new ModelAndView(page(assessment, model));
        }
        return act(slug, model, redirect, "compliance.web.exemption.notice.granted", "dispensation",
                () -> assessments.grantExemption(assessment.service().id(), reason, until));
    }

    @PostMapping(BASE + "/{slug}/dispensation/{id}/tilbagekald")
    ModelAndView revokeExemption(@PathVariable String slug, @PathVariable UUID id, Model model,
            RedirectAttributes redirect) {
        AssessmentDetails assessment = assessments.forAccount(slug);
        return act(slug, model, redirect, "compliance.web.exemption.notice.revoked", "dispensation",
                () -> assessments.revokeExemption(assessment.service().id(), id));
    }

    @PostMapping(BASE + "/{slug}/klarmeld")
    ModelAndView signOff(@PathVariable String slug, Model model, RedirectAttributes redirect) {
        AssessmentDetails assessment = assessments.forAccount(slug);
        return act(slug, model, redirect, "compliance.web.signOff.notice.signed", null,
                () -> assessments.signOff(assessment.service().id()));
    }

    /** Runs an action; success: back to the page with a notice; input to fix: the page with the errors. */
    private ModelAndView act(String slug, Model model, RedirectAttributes redirect, String noticeKey,
            String fragment, Supplier<?> action) {
        try {
            action.get();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return new ModelAndView(page(assessments.forAccount(slug), model));
        } catch (SignOffRefusedException e) {
            model.addAttribute("refusal", e.reasons());
            ModelAndView page = new ModelAndView(page(assessments.forAccount(slug), model));
            page.setStatus(HttpStatus.CONFLICT);
            return page;
        } catch (ObjectOptimisticLockingFailureException e) {
            model.addAttribute("conflict", "compliance.web.conflict");
            ModelAndView page = new ModelAndView(page(assessments.forAccount(slug), model));
            page.setStatus(HttpStatus.CONFLICT);
            return page;
        }
        redirect.addFlashAttribute("notice", noticeKey);
        return SeeOther.toFragment(BASE + "/{slug}", fragment, slug);
    }

    private String page(AssessmentDetails assessment, Model model) {
        pages.addAssessment(assessment, model);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of("validUntil", "", "reason", ""));
        }
        if (!model.containsAttribute("typedNote")) {
            model.addAttribute("typedNote", Map.of());
        }
        return "compliance/assessment";
    }

    private String form(AssessmentDetails assessment, Map<String, String> typed, Map<String, String> errors,
            String conflict, Model model) {
        pages.addAssessment(assessment, model);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        return "compliance/answer-form";
    }

    private void requireMayAnswer(AssessmentDetails assessment) {
        if (!assessments.mayAnswer(assessment.service())) {
            throw new org.springframework.security.access.AccessDeniedException("May not answer");
        }
    }

    /** The version the form was loaded with; a missing or garbled one can only be out of date. */
    private static Long version(String given) {
        try {
            return Long.parseLong(given == null ? "" : given.strip());
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
