package dk.selvbetjening.connection.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dk.selvbetjening.connection.ConnectionRequestDetails;
import dk.selvbetjening.connection.ConnectionRequestNames;
import dk.selvbetjening.connection.ConnectionIntakeService;
import dk.selvbetjening.connection.ConnectionRequestStatus;
import dk.selvbetjening.connection.IdempotencyKeyReusedException;
import dk.selvbetjening.connection.IllegalTransitionException;
import dk.selvbetjening.connection.InvalidSubmissionException;
import dk.selvbetjening.connection.Receipt;
import dk.selvbetjening.connection.StatusLinkNotFoundException;
import dk.selvbetjening.connection.SubmissionRateLimiter;
import dk.selvbetjening.shared.web.ClientAddress;
import dk.selvbetjening.shared.web.RateLimitedException;
import dk.selvbetjening.shared.web.RequestSizeLimit;
import dk.selvbetjening.shared.web.SeeOther;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public connection pages: the form a supplier fills in without an account, the receipt, and the status page
 * behind the personal link, where the supplier amends the request when the editors ask for changes.
 */
@Controller
class ConnectionWebController {

    static final String TEMPLATE_UPLOAD = "/tilslut/indlaes-skabelon";
    /** The form's "Fortsæt": the answers checked and shown for the supplier to check before sending. */
    static final String CHECK_ANSWERS = "/tilslut/tjek-svar";
    /** A "Ret" button on the check page: the form again with the answers, at the field to change. */
    static final String CHANGE_ANSWER = "/tilslut/ret";
    /** The file input's id on the form, where its error is shown. */
    static final String TEMPLATE_FILE_ID = "templateFile";

    private final ConnectionIntakeService requests;
    private final SubmissionRateLimiter rateLimiter;
    private final ConnectionPages pages;
    private final ActionPageTemplateUpload templateUpload;

    ConnectionWebController(ConnectionIntakeService requests, SubmissionRateLimiter rateLimiter,
            ConnectionPages pages, ActionPageTemplateUpload templateUpload) {
        this.requests = requests;
        this.rateLimiter = rateLimiter;
        this.pages = pages;
        this.templateUpload = templateUpload;
    }

    @GetMapping("/tilslut")
    String form(Model model) {
        return formPage(ConnectionForm.blank(), Map.of(), model);
    }

    @PostMapping("/tilslut")
    ModelAndView submit(@ModelAttribute("form") ConnectionForm form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<ModelAndView> refused = rateLimited(form, request, response, model);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (form.isHoneypotFilled()) {
            return SeeOther.to("/tilslut/tak");
        }
        try {
            Receipt receipt = requests.submit(form.toSubmission(), form.idempotencyKey());
            return SeeOther.withParameter("/tilslut/kvittering/{reference}", "token", receipt.statusToken(),
                    receipt.reference());
        } catch (InvalidSubmissionException e) {
            return new ModelAndView(formPage(form, FieldErrors.of(e.problems()), model));
        } catch (IdempotencyKeyReusedException e) {
            model.addAttribute("alreadySent", true);
            ModelAndView page = new ModelAndView(formPage(form.withNewSubmissionId(), Map.of(), model));
            page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return page;
        }
    }

    /**
     * "Fortsæt" on the form: the answers checked as sending would check them, and shown on "Tjek dine svar" with the
     * form's values carried in hidden fields; nothing is stored. What is wrong sends the supplier back to the form.
     */
    @PostMapping(CHECK_ANSWERS)
    ModelAndView checkAnswers(@ModelAttribute("form") ConnectionForm form, Model model) {
        if (form.isHoneypotFilled()) {
            return SeeOther.to("/tilslut/tak");
        }
        ConnectionRequestNames names;
        try {
            names = requests.check(form.toSubmission());
        } catch (InvalidSubmissionException e) {
            return new ModelAndView(formPage(form, FieldErrors.of(e.problems()), model));
        }
        pages.addFormChoices(model);
        pages.addRequestNames(names, model);
        model.addAttribute("form", form);
        model.addAttribute("municipalLinkLines", municipalLinkLines(form, names));
        model.addAttribute("proposal", form.toSubmission().actionPage());
        model.addAttribute("formReturnLabels", form.formReturn().stream()
                .map(value -> pages.text("connection.web.formReturn." + value.strip().toUpperCase(Locale.ROOT)))
                .toList());
        model.addAttribute("noindex", true);
        return new ModelAndView("connection/check-answers");
    }

    /** "Ret" on the check page: the form again with every answer; the button's address ends in the field's id. */
    @PostMapping(CHANGE_ANSWER)
    String changeAnswer(@ModelAttribute("form") ConnectionForm form, Model model) {
        return formPage(form, Map.of(), model);
    }

    /**
     * A filled-in Word template, uploaded with the whole form (its "Hent teksten fra filen" button): the form again
     * with everything typed, the action page fields the file fills in taken from the file, and a list of what could
     * not be placed. Nothing is stored.
     */
    @PostMapping(TEMPLATE_UPLOAD)
    ModelAndView readTemplate(@ModelAttribute("form") ConnectionForm typed,
            @RequestParam(required = false) MultipartFile file, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        ConnectionForm form = typed.withSubmissionId();
        Optional<ModelAndView> refused = rateLimited(form, request, response, model);
        if (refused.isPresent()) {
            return refused.get();
        }
        ActionPageTemplateUpload.Result result = RequestSizeLimit.exceeded(request) ? templateUpload.tooLarge()
                : templateUpload.read(file);
        if (result.refused()) {
            ModelAndView page = new ModelAndView(formPage(form, Map.of(TEMPLATE_FILE_ID, result.error()), model));
            page.setStatus(result.status());
            return page;
        }
        model.addAttribute("templateRead", true);
        model.addAttribute("templateUnplaced", result.unplaced());
        return new ModelAndView(formPage(form.withTemplate(result.actionPage()), Map.of(), model));
    }

    /** The municipal links as the check page lists them: code, name and address, one a line. */
    private List<String> municipalLinkLines(ConnectionForm form, ConnectionRequestNames names) {
        return form.toSubmission().municipalLinks().entrySet().stream()
                .map(link -> pages.text("connection.web.details.municipalLink", link.getKey(),
                        names.municipalityNames().getOrDefault(Integer.valueOf(link.getKey()), ""), link.getValue()))
                .toList();
    }

    @GetMapping("/tilslut/tak")
    String thanks(Model model) {
        model.addAttribute("noindex", true);
        return "connection/thanks";
    }

    @GetMapping("/tilslut/kvittering/{reference}")
    String receipt(@PathVariable String reference, @RequestParam(required = false) String token, Model model) {
        ConnectionRequestDetails request = requests.withToken(reference, token);
        model.addAttribute("request", request);
        model.addAttribute("token", token);
        model.addAttribute("noindex", true);
        return "connection/receipt";
    }

    @GetMapping("/tilslut/status/{reference}")
    String status(@PathVariable String reference, @RequestParam(required = false) String token, Model model) {
        ConnectionRequestDetails request = requests.withToken(reference, token);
        return statusPage(request, token, ConnectionForm.of(request), Map.of(), model);
    }

    @PostMapping("/tilslut/status/{reference}")
    ModelAndView amend(@PathVariable String reference, @RequestParam(required = false) String token,
            @ModelAttribute("form") ConnectionForm form, Model model, RedirectAttributes redirect) {
        ConnectionRequestDetails request = requests.withToken(reference, token);
        try {
            requests.resubmit(reference, token, form.toSubmission());
        } catch (InvalidSubmissionException e) {
            return new ModelAndView(statusPage(request, token, form, FieldErrors.of(e.problems()), model));
        } catch (IllegalTransitionException e) {
            model.addAttribute("conflict", e.getMessage());
            ConnectionRequestDetails current = requests.withToken(reference, token);
            ModelAndView page = new ModelAndView(statusPage(current, token, ConnectionForm.of(current), Map.of(),
                    model));
            page.setStatus(HttpStatus.CONFLICT);
            return page;
        }
        redirect.addFlashAttribute("notice", "connection.web.status.resubmitted");
        return SeeOther.withParameter("/tilslut/status/{reference}", "token", token, reference);
    }

    /** The form again with 429 and Retry-After when the client has used its allowance (form and API together). */
    private Optional<ModelAndView> rateLimited(ConnectionForm form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return rateLimiter.tryAcquire(ClientAddress.of(request)).map(wait -> {
            response.setHeader(HttpHeaders.RETRY_AFTER, RateLimitedException.retryAfterSeconds(wait));
            model.addAttribute("rateLimited", true);
            ModelAndView page = new ModelAndView(formPage(form, Map.of(), model));
            page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
            return page;
        });
    }

    /** An unknown, wrong or expired status link: one Danish page for all, saying whom to write to. */
    @ExceptionHandler(StatusLinkNotFoundException.class)
    ModelAndView statusLinkNotFound() {
        ModelAndView page = new ModelAndView("connection/link-not-found");
        page.addObject("notFoundText", requests.statusLinkNotFoundText());
        page.addObject("noindex", true);
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    private String formPage(ConnectionForm form, Map<String, String> errors, Model model) {
        pages.addFormChoices(model);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("amend", false);
        model.addAttribute("templateMegabytes", templateUpload.maxMegabytes());
        return "connection/form";
    }

    private String statusPage(ConnectionRequestDetails request, String token, ConnectionForm form,
            Map<String, String> errors, Model model) {
        model.addAttribute("request", request);
        model.addAttribute("token", token);
        pages.addRequestNames(requests.names(request), model);
        boolean amendable = request.status() == ConnectionRequestStatus.CHANGES_REQUESTED;
        model.addAttribute("amendable", amendable);
        if (amendable) {
            pages.addFormChoices(model);
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("amend", true);
        model.addAttribute("noindex", true);
        return "connection/status";
    }
}
