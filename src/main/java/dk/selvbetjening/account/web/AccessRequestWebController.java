package dk.selvbetjening.account.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dk.selvbetjening.account.AccessRequestService;
import dk.selvbetjening.account.AccessRequestSummary;
import dk.selvbetjening.account.AccountException;
import dk.selvbetjening.shared.web.Confirmation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editors decide the access requests of staff who logged in with OpenID Connect (ADR 0026): the list of waiting
 * requests, and approve or reject, each after a confirmation page.
 */
@Controller
class AccessRequestWebController {

    private static final String BASE = "/redaktion/adgang";
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final AccessRequestService requests;
    private final MessageSource messages;

    AccessRequestWebController(AccessRequestService requests, MessageSource messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("requests", requests.pending());
        return "account/access-requests";
    }

    @PostMapping(BASE + "/{id}/godkend")
    ModelAndView approve(@PathVariable String id,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed,
            RedirectAttributes redirect) {
        return decide(id, true, confirmed, redirect);
    }

    @PostMapping(BASE + "/{id}/afvis")
    ModelAndView reject(@PathVariable String id,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed,
            RedirectAttributes redirect) {
        return decide(id, false, confirmed, redirect);
    }

    private ModelAndView decide(String id, boolean approve, String confirmed, RedirectAttributes redirect) {
        AccessRequestSummary request = find(id);
        String verb = approve ? "approve" : "reject";
        if (request == null) {
            redirect.addFlashAttribute("problem", "oidc.access.error.notFound");
            return new ModelAndView("redirect:" + BASE);
        }
        if (!Confirmation.given(confirmed)) {
            return new Confirmation(text("oidc.access.confirm." + verb + ".heading", request.displayName()),
                    text("oidc.access.confirm." + verb + ".warning", request.authorityName()),
                    List.of(text("oidc.access.confirm.person", request.displayName(), request.email()),
                            text("oidc.access.confirm.organisation", request.cvrNumber(), request.authorityName())),
                    BASE + "/" + request.id() + (approve ? "/godkend" : "/afvis"), Map.of(),
                    text("oidc.access.confirm." + verb + ".button"), BASE, text("oidc.access.confirm.back")).page();
        }
        try {
            if (approve) {
                requests.approve(request.id());
            } else {
                requests.reject(request.id());
            }
            redirect.addFlashAttribute("notice", approve ? "oidc.access.notice.approved" : "oidc.access.notice.rejected");
            redirect.addFlashAttribute("noticeArgument", request.displayName());
        } catch (AccountException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return new ModelAndView("redirect:" + BASE);
    }

    private AccessRequestSummary find(String id) {
        try {
            return requests.request(UUID.fromString(id)).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DANISH);
    }
}
