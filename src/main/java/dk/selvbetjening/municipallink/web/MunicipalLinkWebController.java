package dk.selvbetjening.municipallink.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.MunicipalityCode;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.linkcheck.LinkCheckResult;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.linkcheck.LinkOutcome;
import dk.selvbetjening.municipallink.Completeness;
import dk.selvbetjening.municipallink.ImportReport;
import dk.selvbetjening.municipallink.LinkCounts;
import dk.selvbetjening.municipallink.LinkEditRights;
import dk.selvbetjening.municipallink.LinkFilter;
import dk.selvbetjening.municipallink.LinkStatus;
import dk.selvbetjening.municipallink.MunicipalLinkDetails;
import dk.selvbetjening.municipallink.MunicipalLinkProperties;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.municipallink.MunicipalityNotFoundException;
import dk.selvbetjening.shared.web.CsvUpload;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The backoffice's municipal links: completeness per self-service and per municipality, a municipality's and a
 * self-service's links, editing one link, and the CSV import with its report. Everyone in the backoffice sees
 * them; only those allowed (see {@link LinkEditRights}) get the edit links and forms, and the service refuses the
 * rest.
 */
@Controller
class MunicipalLinkWebController {

    static final String BASE = "/redaktion/kommunelinks";
    /** A–Å as Danes sort: Æ, Ø and Å after Z (lists show the missing links first, then in this order). */
    private static final Comparator<String> DANISH_ORDER = Comparator.nullsLast(
            Collator.getInstance(Locale.forLanguageTag("da"))::compare);
    static final String IMPORT = BASE + "/import";
    static final String TOO_LARGE = "for-stor";

    private final MunicipalLinkService links;
    private final AuthorityService authorities;
    private final MunicipalLinkProperties properties;
    private final LinkCheckService linkChecks;

    MunicipalLinkWebController(MunicipalLinkService links, AuthorityService authorities,
            MunicipalLinkProperties properties, LinkCheckService linkChecks) {
        this.linkChecks = linkChecks;
        this.links = links;
        this.authorities = authorities;
        this.properties = properties;
    }

    @GetMapping(BASE)
    String overview(Model model) {
        LinkEditRights rights = links.editRights();
        Completeness completeness = links.completeness();
        model.addAttribute("completeness", new Completeness(
                completeness.services().stream().sorted(Comparator.comparing((Completeness.ServiceRow r) ->
                        r.counts().missing() == 0).thenComparing(Completeness.ServiceRow::title, DANISH_ORDER)).toList(),
                completeness.municipalities().stream().sorted(Comparator.comparing((Completeness.MunicipalityRow r) ->
                        r.counts().missing() == 0).thenComparing(Completeness.MunicipalityRow::name, DANISH_ORDER))
                        .toList(),
                completeness.total()));
        model.addAttribute("rights", rights);
        model.addAttribute("own", rights.ownMunicipality() == null ? null
                : authorities.municipality(rights.ownMunicipality()).orElse(null));
        return "municipallink/overview";
    }

    @GetMapping(BASE + "/kommune/{code}")
    String municipality(@PathVariable String code, Model model) {
        MunicipalitySummary municipality = municipality(code);
        List<MunicipalLinkDetails> cells = links.links(LinkFilter.municipality(municipality.code())).stream()
                .sorted(Comparator.comparing((MunicipalLinkDetails c) -> c.status() != LinkStatus.MISSING)
                        .thenComparing(MunicipalLinkDetails::serviceTitle, DANISH_ORDER)).toList();
        model.addAttribute("municipality", municipality);
        model.addAttribute("cells", cells);
        model.addAttribute("missing", cells.stream().filter(c -> c.status() == LinkStatus.MISSING).toList());
        model.addAttribute("counts", counts(cells));
        model.addAttribute("mayEdit", links.editRights().mayEdit(municipality.code()));
        return "municipallink/municipality";
    }

    @GetMapping(BASE + "/selvbetjening/{slug}")
    String service(@PathVariable String slug, Model model) {
        SelfServiceDetails service = links.municipalService(slug).orElseThrow(() -> new SelfServiceNotFoundException(slug));
        List<MunicipalLinkDetails> cells = links.links(LinkFilter.service(service.slug())).stream()
                .sorted(Comparator.comparing((MunicipalLinkDetails c) -> c.status() != LinkStatus.MISSING)
                        .thenComparing(MunicipalLinkDetails::municipalityName, DANISH_ORDER)).toList();
        model.addAttribute("service", service);
        model.addAttribute("cells", cells);
        model.addAttribute("counts", counts(cells));
        model.addAttribute("rights", links.editRights());
        return "municipallink/service";
    }

    @GetMapping(BASE + "/kommune/{code}/{slug}")
    String editForm(@PathVariable String code, @PathVariable String slug,
            @RequestParam(required = false) String fra, Model model) {
        MunicipalLinkDetails cell = editable(code, slug);
        model.addAttribute("form", new LinkForm(cell.url(), cell.title(), fra));
        return edit(cell, Map.of(), model);
    }

    @PostMapping(BASE + "/kommune/{code}/{slug}")
    String save(@PathVariable String code, @PathVariable String slug, @ModelAttribute LinkForm form, Model model,
            RedirectAttributes redirect) {
        MunicipalLinkDetails cell = editable(code, slug);
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            model.addAttribute("form", form);
            return edit(cell, errors, model);
        }
        links.setLink(cell.selfServiceId(), cell.municipalityCode(), form.url(), form.title());
        redirect.addFlashAttribute("saved", cell);
        if (properties.checkOnSave() && form.url() != null && !form.url().isBlank()) {
            LinkCheckResult check = linkChecks.check(form.url().strip());
            if (check.outcome() != LinkOutcome.OK) {
                redirect.addFlashAttribute("savedCheck", check);
            }
        }
        return form.fromServicePage() ? "redirect:" + BASE + "/selvbetjening/" + cell.serviceSlug()
                : "redirect:" + BASE + "/kommune/" + cell.municipalityCode();
    }

    @GetMapping(IMPORT)
    String importForm(@RequestParam Map<String, String> parameters, Model model) {
        return importPage(parameters.containsKey(TOO_LARGE) ? "municipallink.import.tooLarge" : null, model);
    }

    @PostMapping(IMPORT)
    String importCsv(@RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean applyValidRows, Model model, RedirectAttributes redirect) {
        if (!links.editRights().mayEditAny()) {
            throw new AccessDeniedException("This account may not change municipal links");
        }
        if (file == null || file.isEmpty()) {
            return importPage("municipallink.import.error.noFile", model);
        }
        if (file.getSize() > properties.maxUploadSize().toBytes()) {
            return "redirect:" + IMPORT + "?" + TOO_LARGE;
        }
        ImportReport report = links.importCsv(CsvUpload.content(file), applyValidRows);
        redirect.addFlashAttribute("errorCount", report.errors().size());
        return CsvUpload.toReport(IMPORT, file, new ImportReport(report.applied(), report.rows(), report.changed(),
                report.unchanged(), report.invalid(), report.firstErrors(properties.errorsShown())), redirect);
    }

    @GetMapping(IMPORT + CsvUpload.REPORT)
    String importReport(Model model) {
        return CsvUpload.reportOrBack(model, IMPORT, "municipallink/import-report");
    }

    private String importPage(String errorKey, Model model) {
        LinkEditRights rights = links.editRights();
        model.addAttribute("rights", rights);
        model.addAttribute("own", rights.ownMunicipality() == null ? null
                : authorities.municipality(rights.ownMunicipality()).orElse(null));
        model.addAttribute("errors", errorKey == null ? Map.of() : Map.of("file", errorKey));
        model.addAttribute("maxMegabytes", properties.maxUploadSize().toMegabytes());
        return "municipallink/import";
    }

    private String edit(MunicipalLinkDetails cell, Map<String, String> errors, Model model) {
        model.addAttribute("cell", cell);
        model.addAttribute("errors", errors);
        return "municipallink/edit-link";
    }

    /** The cell to edit; 404 when the municipality or self-service is unknown, 403 when not the caller's. */
    private MunicipalLinkDetails editable(String code, String slug) {
        MunicipalitySummary municipality = municipality(code);
        if (!links.editRights().mayEdit(municipality.code())) {
            throw new AccessDeniedException("Not this account's municipality");
        }
        return links.link(slug, municipality.code()).orElseThrow(() -> new SelfServiceNotFoundException(slug));
    }

    private MunicipalitySummary municipality(String code) {
        return MunicipalityCode.find(code, authorities::municipality)
                .orElseThrow(() -> new MunicipalityNotFoundException(code));
    }

    private static LinkCounts counts(List<MunicipalLinkDetails> cells) {
        int present = 0;
        int missing = 0;
        int broken = 0;
        for (MunicipalLinkDetails cell : cells) {
            switch (cell.status()) {
                case PRESENT -> present++;
                case MISSING -> missing++;
                case BROKEN -> broken++;
            }
        }
        return new LinkCounts(present, missing, broken);
    }
}
