package dk.selvbetjening.portal.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalProperties;
import dk.selvbetjening.portal.PortalService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

/** The action page (handlingsside), its start redirect and the portal's historic action page URL. */
@Controller
class ActionPageWebController {

    static final String MISSING_MUNICIPALITY = "mangler";
    /** The id of the Start section, where the citizen lands after choosing a municipality (focusable). */
    static final String START_SECTION = "start";
    /** The id of the error summary, where the citizen lands after choosing no municipality. */
    static final String ERROR_SUMMARY = "error-summary";
    static final String TEMPLATE = "portal/action-page";

    private final CitizenCatalogue catalogue;
    private final MunicipalityChoice choice;
    private final StartTarget startTarget;
    private final RenderedPages pages;
    private final Clock clock;
    private final PortalProperties properties;

    ActionPageWebController(CitizenCatalogue catalogue, MunicipalityChoice choice, StartTarget startTarget,
            RenderedPages pages, Clock clock, PortalProperties properties) {
        this.properties = properties;
        this.catalogue = catalogue;
        this.choice = choice;
        this.startTarget = startTarget;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/handlingsside/{slug}")
    void actionPage(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        PortalService page = snapshot.service(slug).orElseThrow(() -> new SelfServiceNotFoundException(slug));
        MunicipalityChoice.Resolved resolved = choice.resolve(request, snapshot);
        choice.remember(resolved, request, response);
        boolean askForMunicipality = MISSING_MUNICIPALITY.equals(request.getParameter("kommune"));

        Optional<String> target = page.startUrl(resolved.code());
        String startHref = target.map(url -> startHref(page, resolved.code())).orElse(null);
        String continuesOn = ActionPageView.continuesOn(page, target);
        AuthorityDetails contact = page.isMunicipal() && resolved.municipality() != null && target.isEmpty()
                ? snapshot.municipalityAuthority(resolved.code()).orElse(null) : null;
        String changeHref = UriComponentsBuilder.fromPath(MunicipalityChoiceWebController.PATH)
                .queryParam("returnTo", "/handlingsside/" + slug).encode().build().toUriString();

        AuthorityDetails responsible = snapshot.responsible(page, resolved.code()).orElse(null);
        String canonical = properties.absolute(pageLink(slug, null, null, null));
        ActionPageView.DowntimeNotice downtime = ActionPageView.DowntimeNotice.of(page.actionPage().plannedDowntime(),
                clock);
        PageMeta meta = new PageMeta(canonical, page.actionPage().title(), page.actionPage().intro(),
                GovernmentServiceJsonLd.of(page, responsible, resolved.municipality(), target.orElse(null), canonical));
        Map<String, Object> model = Map.of("view", new ActionPageView(page, resolved.municipality(),
                resolved.rejectedCode(), askForMunicipality, startHref, continuesOn, contact,
                responsible, snapshot.municipalities(), changeHref, LocalDate.ofInstant(page.updatedAt(), clock.getZone()),
                downtime), "seo", meta);
        if (resolved.rejectedCode() != null) {
            pages.uncached(TEMPLATE, model, request, response);
            return;
        }
        pages.serve(PageVersion.actionPage(snapshot, page, downtime), TEMPLATE,
                new ActionPageVariant(slug, resolved.code(), askForMunicipality), sharing(page, resolved), model, request,
                response);
    }

    /**
     * Who may keep the page (ADR 0024): any cache when its URL alone decides what it shows — a national solution's page
     * shows no municipality, and a municipality in the link wins over the cookies — else only the citizen's browser,
     * as the municipality cookies decide it. The visit cookie a link's code may set is the same for every request with
     * that link: a shared cache that hands it on hands on what the link means.
     */
    static CitizenPageCaching.Sharing sharing(PortalService page, MunicipalityChoice.Resolved resolved) {
        return !page.isMunicipal() || resolved.inLink() ? CitizenPageCaching.Sharing.PUBLIC
                : CitizenPageCaching.Sharing.PRIVATE;
    }

    /** Normally answered by {@link StartRedirectValve}; here for an unknown slug (404) or without the valve (MockMvc). */
    @GetMapping("/handlingsside/{slug}/start")
    void start(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        PortalService page = snapshot.service(slug).orElseThrow(() -> new SelfServiceNotFoundException(slug));
        StartTarget.seeOther(startTarget.take(page, choice.resolve(request, snapshot), request, response), request,
                response);
    }

    /** The portal's historic URL: {@code /Handlingsside?selfserviceId=<uuid>[&kommunekode=NNN]}. */
    @GetMapping({"/Handlingsside", "/handlingsside"})
    ResponseEntity<Void> historic(HttpServletRequest request) {
        String id = MunicipalityChoice.parameter(request, "selfserviceId").orElse("");
        PortalService page;
        try {
            page = catalogue.snapshot().service(UUID.fromString(id.strip()))
                    .orElseThrow(() -> new SelfServiceNotFoundException(id));
        } catch (IllegalArgumentException e) {
            throw new SelfServiceNotFoundException(id);
        }
        String code = MunicipalityChoice.parameter(request, MunicipalityChoice.PARAMETER).orElse(null);
        String target = code == null ? pageLink(page.slug(), null, null, null)
                : pageLink(page.slug(), MunicipalityChoice.PARAMETER, code, null);
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, target).build();
    }

    private static String startHref(PortalService page, Integer municipalityCode) {
        return link("/handlingsside/{slug}/start", page.slug(), page.isMunicipal() ? MunicipalityChoice.PARAMETER : null,
                municipalityCode, null);
    }

    /** The action page's address, with one parameter and a fragment when they are given. */
    static String pageLink(String slug, String parameter, Object value, String fragment) {
        return link("/handlingsside/{slug}", slug, parameter, value, fragment);
    }

    /**
     * A local address. The slug and the value go in as URI variables, each encoded whole, never as part of the
     * template: a value the citizen typed such as "{x}" or "%7B" is a value, not a placeholder or an escape.
     */
    private static String link(String path, String slug, String parameter, Object value, String fragment) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        if (parameter != null) {
            link.queryParam(parameter, "{value}");
        }
        if (fragment != null) {
            link.fragment(fragment);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("slug", slug);
        variables.put("value", value);
        return link.encode().buildAndExpand(variables).toUriString();
    }
}
