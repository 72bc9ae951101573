package dk.selvbetjening.portal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The editor's preview: an action page revision rendered by the citizen template, for a chosen municipality, marked
 * as a preview, never cached and never indexed. The start button links straight to the solution (nothing counted).
 */
@Controller
class ActionPagePreviewWebController {

    private final SelfServiceService services;
    private final ActionPageService actionPages;
    private final CitizenCatalogue catalogue;
    private final MunicipalityChoice choice;
    private final Clock clock;

    ActionPagePreviewWebController(SelfServiceService services, ActionPageService actionPages,
            CitizenCatalogue catalogue, MunicipalityChoice choice, Clock clock) {
        this.services = services;
        this.actionPages = actionPages;
        this.catalogue = catalogue;
        this.choice = choice;
        this.clock = clock;
    }

    @GetMapping("/redaktion/selvbetjeninger/{slug}/handlingsside/forhaandsvisning")
    String preview(@PathVariable String slug, @RequestParam(required = false) Integer revision,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        SelfServiceDetails service = services.bySlug(slug).orElseThrow(() -> new SelfServiceNotFoundException(slug));
        if (!ActionPageService.mayEdit(service)) {
            throw new AccessDeniedException("This account may not preview the action page of " + slug);
        }
        ActionPageContent content = revision != null ? actionPages.revision(service.id(), revision)
                : actionPages.latest(service.id()).orElseGet(() -> new ActionPageContent(service.title(),
                        service.shortDescription(), java.util.List.of(), null, null, null, null, null));
        PortalService page = catalogue.preview(service, content);
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        MunicipalityChoice.Resolved resolved = choice.resolve(request, snapshot);

        Optional<String> target = page.startUrl(resolved.code());
        String continuesOn = ActionPageView.continuesOn(page, target);
        AuthorityDetails contact = page.isMunicipal() && resolved.municipality() != null && target.isEmpty()
                ? snapshot.municipalityAuthority(resolved.code()).orElse(null) : null;
        String self = "/redaktion/selvbetjeninger/" + slug + "/handlingsside/forhaandsvisning";
        UriComponentsBuilder change = UriComponentsBuilder.fromPath(self);
        if (revision != null) {
            change.queryParam("revision", revision);
        }
        model.addAttribute("view", new ActionPageView(page, resolved.municipality(), resolved.rejectedCode(), false,
                target.orElse(null), continuesOn, contact, snapshot.responsible(page, resolved.code()).orElse(null),
                snapshot.municipalities(),
                change.encode().build().toUriString(), LocalDate.now(clock),
                ActionPageView.DowntimeNotice.of(content.plannedDowntime(), clock)));
        model.addAttribute("preview", true);
        model.addAttribute("noindex", true);
        model.addAttribute("previewAction", self);
        model.addAttribute("previewRevision", revision);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        return ActionPageWebController.TEMPLATE;
    }
}
