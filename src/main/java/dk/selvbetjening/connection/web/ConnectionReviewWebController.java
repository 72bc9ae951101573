package dk.selvbetjening.connection.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.catalogue.PublicationRefusedException;
import dk.selvbetjening.connection.BrokenLinkException;
import dk.selvbetjening.connection.ConnectionRequestDetails;
import dk.selvbetjening.connection.ConnectionRequestKind;
import dk.selvbetjening.connection.ConnectionRequestStatus;
import dk.selvbetjening.connection.ConnectionRequestSummary;
import dk.selvbetjening.connection.ConnectionReviewDetails;
import dk.selvbetjening.connection.ConnectionReviewService;
import dk.selvbetjening.connection.IllegalTransitionException;
import dk.selvbetjening.connection.InvalidSubmissionException;
import dk.selvbetjening.connection.QueueFilter;
import dk.selvbetjening.connection.StaleRequestException;
import dk.selvbetjening.shared.web.Confirmation;
import dk.selvbetjening.shared.web.ListPage;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The editors' review of connection requests: the queue, one request with everything about it, and the actions
 * that move it through the workflow. Authority editors see their own authority's requests, read-only.
 */
@Controller
class ConnectionReviewWebController {

    static final String QUEUE = "/redaktion/tilslutninger";
    static final int PAGE_SIZE = 25;

    private final ConnectionReviewService review;
    private final ConnectionPages pages;

    ConnectionReviewWebController(ConnectionReviewService review, ConnectionPages pages) {
        this.review = review;
        this.pages = pages;
    }

    /**
     * The queue opens on what waits for the editors (received, under review), oldest first, {@value #PAGE_SIZE} a
     * page, with the count of each status; a status, {@code ALLE}, the kind and the age narrow or widen it.
     */
    @GetMapping(QUEUE)
    String queue(@ModelAttribute("filter") QueueFilterForm filter, Model model) {
        CurrentAccount account = account();
        ListPage<ConnectionRequestSummary> page = ListPage.of(review.queue(filter.toFilter(), account), filter.side(),
                PAGE_SIZE);
        Map<ConnectionRequestStatus, Long> counts = review.counts(account);
        model.addAttribute("requests", page.rows());
        model.addAttribute("page", page);
        model.addAttribute("counts", counts);
        model.addAttribute("waitingCount", ConnectionRequestStatus.waiting(counts));
        model.addAttribute("allCount", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("selectedStatus", filter.selectedStatus());
        String statusValue = filter.selectedStatus() != null ? filter.selectedStatus().name()
                : filter.showsAll() ? QueueFilterForm.ALL : null;
        model.addAttribute("statusValue", statusValue);
        model.addAttribute("pageLink", pageLink(statusValue, filter.toFilter()));
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
                () -> review.take(reference, version(version)));
    }

    @PostMapping(QUEUE + "/{reference}/bed-om-aendringer")
    ModelAndView requestChanges(@PathVariable String reference, @RequestParam(required = false) String version,
            @RequestParam(required = false) String changesMessage, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("typed", Map.of("changesMessage", changesMessage == null ? "" : changesMessage));
        return act(reference, "changesMessage", model, redirect, "connection.web.review.notice.changes",
                () -> review.requestChanges(reference, version(version), changesMessage));
    }

    /**
     * Rejects the request once confirmed: the first post (from the review page, with the reason) shows the
     * confirmation page, whose red button posts again with the confirmation. A reason left empty is shown at its
     * field at once.
     */
    @PostMapping(QUEUE + "/{reference}/afvis")
    ModelAndView reject(@PathVariable String reference, @RequestParam(required = false) String version,
            @RequestParam(required = false) String rejectMessage,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("typed", Map.of("rejectMessage", rejectMessage == null ? "" : rejectMessage));
        if (!Confirmation.given(confirmed) && rejectMessage != null && !rejectMessage.isBlank()) {
            ConnectionReviewDetails details = review.details(reference, account());
            if (!account().isEditor()) {
                throw new AccessDeniedException("Only editors act on connection requests");
            }
            String page = QUEUE + "/" + reference;
            return new Confirmation(pages.message("backoffice.confirm.reject.heading", details.request().title()),
                    pages.message("backoffice.confirm.reject.warning", details.request().supplierName()),
                    List.of(pages.message("backoffice.confirm.reject.reason"), rejectMessage.strip()),
                    page + "/afvis", Map.of("version", version == null ? "" : version, "rejectMessage", rejectMessage),
                    pages.message("backoffice.confirm.reject.button"), page,
                    pages.message("backoffice.confirm.back.request")).page();
        }
        return act(reference, "rejectMessage", model, redirect, "connection.web.review.notice.rejected",
                () -> review.reject(reference, version(version), rejectMessage));
    }

    @PostMapping(QUEUE + "/{reference}/godkend")
    ModelAndView approve(@PathVariable String reference, @RequestParam(required = false) String version,
            Model model, RedirectAttributes redirect) {
        return act(reference, null, model, redirect, "connection.web.review.notice.approved",
                () -> review.approve(reference, version(version)));
    }

    /** Checks the request's URL now, before approving or publishing, and shows the outcome on the page. */
    @PostMapping(QUEUE + "/{reference}/tjek-link")
    ModelAndView checkLink(@PathVariable String reference, RedirectAttributes redirect) {
        review.forAccount(reference, account());
        if (!account().isEditor()) {
            throw new AccessDeniedException("Only editors check links");
        }
        review.checkLink(reference);
        return SeeOther.to(QUEUE + "/{reference}", reference);
    }

    @PostMapping(QUEUE + "/{reference}/udgiv")
    ModelAndView publish(@PathVariable String reference, @RequestParam(required = false) String version,
            @RequestParam(name = "trodsBrudtLink", defaultValue = "false") boolean despiteBrokenLink,
            Model model, RedirectAttributes redirect) {
        return act(reference, null, model, redirect, "connection.web.review.notice.published",
                () -> review.publish(reference, version(version), despiteBrokenLink));
    }

    /**
     * Runs an action on a request the account may see (anyone else gets the 404 first). Success: back to the page
     * with a notice. A refused transition or an outdated version: the page again with 409 and the reason (a link
     * just found broken: the check's outcome, and the choice to publish anyway); an empty message: the page again
     * with the field's error.
     */
    private ModelAndView act(String reference, String messageId, Model model,
            RedirectAttributes redirect, String noticeKey, Supplier<?> action) {
        CurrentAccount account = account();
        review.forAccount(reference, account);
        if (!account.isEditor()) {
            throw new AccessDeniedException("Only editors act on connection requests");
        }
        try {
            action.get();
        } catch (BrokenLinkException e) {
            model.addAttribute("brokenLink", e.result());
            ModelAndView page = new ModelAndView(page(reference, model));
            page.setStatus(HttpStatus.CONFLICT);
            return page;
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

    /** The request's page, from the one read model the review service gives for it. */
    private String page(String reference, Model model) {
        ConnectionReviewDetails details = review.details(reference, account());
        model.addAttribute("request", details.request());
        model.addAttribute("editor", details.editor());
        model.addAttribute("comparison", details.comparison());
        model.addAttribute("history", details.history());
        model.addAttribute("published", details.published());
        model.addAttribute("approvedService", details.approvedService());
        model.addAttribute("linkCheck", details.linkCheck());
        model.addAttribute("loginWarning", details.loginWarning());
        pages.addRequestNames(details.names(), model);
        model.addAttribute("authorityByCvr", details.authorityByCvr());
        model.addAttribute("assessment", details.assessment());
        model.addAttribute("nextAction", nextAction(details.request(), details.editor()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "connection/review-request";
    }

    /** The queue's address with the filter in use and nothing else: the page links add the page number. */
    private static String pageLink(String statusValue, QueueFilter filter) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(QUEUE);
        if (statusValue != null) {
            link.queryParam("status", statusValue);
        }
        if (filter.kind() != null) {
            link.queryParam("slags", filter.kind().name());
        }
        if (filter.olderThanDays() != null) {
            link.queryParam("aeldreEnd", filter.olderThanDays());
        }
        return link.build().toUriString();
    }

    /** What happens next with the request, as a message key: what an editor does now, or whom it waits for. */
    static String nextAction(ConnectionRequestDetails request, boolean editor) {
        return switch (request.status()) {
            case SUBMITTED -> editor ? "backoffice.review.next.take" : "backoffice.review.next.waitsForEditors";
            case IN_REVIEW -> editor ? "backoffice.review.next.decide" : "backoffice.review.next.waitsForEditors";
            case CHANGES_REQUESTED -> "backoffice.review.next.waitsForSupplier";
            case APPROVED -> request.publishedAt() != null ? "backoffice.review.next.published"
                    : editor ? "backoffice.review.next.publish" : "backoffice.review.next.waitsForPublishing";
            case REJECTED -> "backoffice.review.next.rejected";
        };
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
