package dk.selvbetjening.connection.web;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.catalogue.PublicationRefusedException;
import dk.selvbetjening.compliance.AssessmentService;
import dk.selvbetjening.connection.ConnectionRequestDetails;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.connection.ConnectionRequestKind;
import dk.selvbetjening.connection.ConnectionRequestService;
import dk.selvbetjening.connection.ConnectionRequestStatus;
import dk.selvbetjening.connection.IllegalTransitionException;
import dk.selvbetjening.connection.InvalidSubmissionException;
import dk.selvbetjening.connection.StaleRequestException;
import dk.selvbetjening.shared.web.SeeOther;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editors' review of connection requests: the queue, one request with everything about it, and the actions
 * that move it through the workflow. Authority editors see their own authority's requests, read-only.
 */
@Controller
class ConnectionReviewWebController {

    static final String QUEUE = "/redaktion/tilslutninger";

    private final ConnectionRequestService requests;
    private final ConnectionPages pages;
    private final LinkCheckService linkChecks;
    private final PrePublishLinkCheck prePublishCheck;
    private final AssessmentService assessments;

    ConnectionReviewWebController(ConnectionRequestService requests, ConnectionPages pages,
            LinkCheckService linkChecks, PrePublishLinkCheck prePublishCheck, AssessmentService assessments) {
        this.assessments = assessments;
        this.prePublishCheck = prePublishCheck;
        this.requests = requests;
        this.pages = pages;
        this.linkChecks = linkChecks;
    }

    @GetMapping(QUEUE)
    String queue(@ModelAttribute("filter") QueueFilterForm filter, Model model) {
        CurrentAccount account = account();
        model.addAttribute("requests", requests.queue(filter.toFilter(), account));
        model.addAttribute("counts", requests.counts(account));
        model.addAttribute("filterErrors", filter.olderThanDaysValid() ? Map.of()
                : Map.of("aeldreEnd", "connection.web.queue.filter.olderThanDays.error"));
        model.addAttribute("statuses", ConnectionRequestStatus.values());
        model.addAttribute("kinds", ConnectionRequestKind.values());
        return "connection/review-queue";
    }

    @GetMapping(QUEUE + "/{reference}")
    String request(@PathVariable String reference, Model model) {
        return page(reference, model);
    }

    @PostMapping(QUEUE + "/{reference}/tag")
    ModelAndView take(@PathVariable String reference, @RequestParam(required = false) String version,
            Model model, RedirectAttributes redirect) {
        return act(reference, null, model, redirect, "connection.web.review.notice.taken",
                () -> requests.take(reference, version(version)));
    }

    @PostMapping(QUEUE + "/{reference}/bed-om-aendringer")
    ModelAndView requestChanges(@PathVariable String reference, @RequestParam(required = false) String version,
            @RequestParam(required = false) String changesMessage, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("typed", Map.of("changesMessage", changesMessage == null ? "" : changesMessage));
        return act(reference, "changesMessage", model, redirect, "connection.web.review.notice.changes",
                () -> requests.requestChanges(reference, version(version), changesMessage));
    }

    @PostMapping(QUEUE + "/{reference}/afvis")
    ModelAndView reject(@PathVariable String reference, @RequestParam(required = false) String version,
            @RequestParam(required = false) String rejectMessage, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("typed", Map.of("rejectMessage", rejectMessage == null ? "" : rejectMessage));
        return act(reference, "rejectMessage", model, redirect, "connection.web.review.notice.rejected",
                () -> requests.reject(reference, version(version), rejectMessage));
    }

    @PostMapping(QUEUE + "/{reference}/godkend")
    ModelAndView approve(@PathVariable String reference, @RequestParam(required = false) String version,
            Model model, RedirectAttributes redirect) {
        return act(reference, null, model, redirect, "connection.web.review.notice.approved",
                () -> requests.approve(reference, version(version)));
    }

    /** Checks the request's URL now, before approving or publishing, and shows the outcome on the page. */
    @PostMapping(QUEUE + "/{reference}/tjek-link")
    ModelAndView checkLink(@PathVariable String reference, RedirectAttributes redirect) {
        ConnectionRequestDetails request = requests.forAccount(reference, account());
        if (!account().isEditor()) {
            throw new AccessDeniedException("Only editors check links");
        }
        if (request.url() != null) {
            linkChecks.check(request.url());
        }
        return SeeOther.to(QUEUE + "/{reference}", reference);
    }

    @PostMapping(QUEUE + "/{reference}/udgiv")
    ModelAndView publish(@PathVariable String reference, @RequestParam(required = false) String version,
            @RequestParam(name = "trodsBrudtLink", defaultValue = "false") boolean despiteBrokenLink,
            Model model, RedirectAttributes redirect) {
        ConnectionRequestDetails request = requests.forAccount(reference, account());
        if (account().isEditor() && !despiteBrokenLink) {
            var problem = prePublishCheck.problem(request);
            if (problem.isPresent()) {
                model.addAttribute("brokenLink", problem.get());
                ModelAndView page = new ModelAndView(page(reference, model));
                page.setStatus(HttpStatus.CONFLICT);
                return page;
            }
        }
        return act(reference, null, model, redirect, "connection.web.review.notice.published",
                () -> requests.publish(reference, version(version)));
    }

    /**
     * Runs an action on a request the account may see (anyone else gets the 404 first). Success: back to the page
     * with a notice. A refused transition or an outdated version: the page again with 409 and the reason; an
     * empty message: the page again with the field's error.
     */
    private ModelAndView act(String reference, String messageId, Model model,
            RedirectAttributes redirect, String noticeKey, Supplier<?> action) {
        CurrentAccount account = account();
        requests.forAccount(reference, account);
        if (!account.isEditor()) {
            throw new AccessDeniedException("Only editors act on connection requests");
        }
        try {
            action.get();
        } catch (IllegalTransitionException | StaleRequestException e) {
            model.addAttribute("conflict", e.getMessage());
            ModelAndView page = new ModelAndView(page(reference, model));
            page.setStatus(HttpStatus.CONFLICT);
            return page;
        } catch (PublicationRefusedException e) {
            model.addAttribute("refusal", e.reasons());
            ModelAndView page = new ModelAndView(page(reference, model));
            page.setStatus(HttpStatus.CONFLICT);
            return page;
        } catch (InvalidSubmissionException e) {
            model.addAttribute("errors", FieldErrors.of(e.problems(), messageId));
            return new ModelAndView(page(reference, model));
        }
        redirect.addFlashAttribute("notice", noticeKey);
        return SeeOther.to(QUEUE + "/{reference}", reference);
    }

    private String page(String reference, Model model) {
        CurrentAccount account = account();
        ConnectionRequestDetails request = requests.forAccount(reference, account);
        model.addAttribute("request", request);
        model.addAttribute("editor", account.isEditor());
        model.addAttribute("comparison", requests.comparison(reference, account).orElse(null));
        model.addAttribute("history", requests.history(reference, account));
        model.addAttribute("published", pages.publishedResult(request).orElse(null));
        model.addAttribute("linkCheck", request.url() == null ? null : linkChecks.latest(request.url()).orElse(null));
        model.addAttribute("loginWarning", requests.loginWarning(request).orElse(null));
        pages.addRequestNames(request, model);
        model.addAttribute("authorityByCvr", pages.authorityByCvr(request).orElse(null));
        UUID serviceId = request.createdServiceId() != null ? request.createdServiceId() : request.existingServiceId();
        model.addAttribute("assessment", serviceId == null ? null : assessments.ofMandatory(serviceId).orElse(null));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "connection/review-request";
    }

    /** The version the form was loaded with; a missing or garbled one can only be out of date. */
    private static long version(String given) {
        try {
            return Long.parseLong(given == null ? "" : given.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static CurrentAccount account() {
        return CurrentAccount.current().orElseThrow();
    }
}
