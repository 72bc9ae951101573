package dk.selvbetjening.linkhealth.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;

import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.linkcheck.LinkOutcome;
import dk.selvbetjening.linkhealth.LinkHealthReport;
import dk.selvbetjening.linkhealth.LinkHealthRow;
import dk.selvbetjening.shared.web.ListPage;
import dk.selvbetjening.shared.web.SeeOther;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * The link checker's dashboard for editors: the startable URLs that need action first (or one outcome, or all), most
 * used first, paged, and a check on demand.
 */
@Controller
class LinkHealthWebController {

    static final int PAGE_SIZE = 25;
    /** The filter value for every link, whatever its outcome. */
    static final String ALL = "ALLE";

    private final LinkHealthReport report;
    private final LinkCheckService checks;
    private final SelfServiceService services;

    LinkHealthWebController(LinkHealthReport report, LinkCheckService checks, SelfServiceService services) {
        this.report = report;
        this.checks = checks;
        this.services = services;
    }

    /**
     * The dashboard opens on the links that need action (caution, broken, dangerous), with the count of each outcome
     * and {@value #PAGE_SIZE} rows a page; {@code udfald} picks one outcome or {@value #ALL} for every link.
     */
    @GetMapping("/redaktion/linktjek")
    String dashboard(@RequestParam(required = false) String udfald, @RequestParam(required = false) String side,
            Model model) {
        LinkOutcome outcome = Arrays.stream(LinkOutcome.values()).filter(o -> o.name().equals(udfald)).findFirst()
                .orElse(null);
        List<LinkHealthRow> all = report.rows(null);
        boolean everything = ALL.equals(udfald);
        List<LinkHealthRow> rows = outcome != null ? report.rows(outcome)
                : everything ? all : all.stream().filter(LinkHealthWebController::needsAction).toList();
        Map<LinkOutcome, Long> counts = new EnumMap<>(LinkOutcome.class);
        for (LinkOutcome o : LinkOutcome.values()) {
            counts.put(o, all.stream().filter(r -> r.check() != null && r.check().outcome() == o).count());
        }
        ListPage<LinkHealthRow> page = ListPage.of(rows, side, PAGE_SIZE);
        model.addAttribute("rows", page.rows());
        model.addAttribute("page", page);
        model.addAttribute("counts", counts);
        model.addAttribute("needsActionCount", all.stream().filter(LinkHealthWebController::needsAction).count());
        model.addAttribute("allCount", all.size());
        model.addAttribute("outcomes", LinkOutcome.values());
        model.addAttribute("selected", outcome);
        model.addAttribute("filterValue", outcome != null ? outcome.name() : everything ? ALL : null);
        model.addAttribute("municipalServices",
                services.published().stream().filter(SelfServiceDetails::isMunicipal).toList());
        return "linkhealth/dashboard";
    }

    /** A link an editor should look at: checked, and not OK. */
    static boolean needsAction(LinkHealthRow row) {
        return row.check() != null && row.check().outcome() != LinkOutcome.OK;
    }

    /** Per municipal solution: does a municipality's broken link still show the start button? */
    @PostMapping("/redaktion/linktjek/startknap")
    ModelAndView startWhenBroken(@RequestParam UUID serviceId, @RequestParam boolean show,
            RedirectAttributes redirect) {
        SelfServiceDetails changed = services.setStartWhenLinkBroken(serviceId, show);
        redirect.addFlashAttribute("policyChanged", changed);
        return SeeOther.toFragment("/redaktion/linktjek", "startknap");
    }

    @PostMapping("/redaktion/linktjek/tjek")
    ModelAndView checkNow(@RequestParam String url, @RequestParam(required = false) String udfald,
            RedirectAttributes redirect) {
        var result = checks.check(url);
        redirect.addFlashAttribute("checked", result);
        return SeeOther.withParameter("/redaktion/linktjek", "udfald",
                udfald == null || udfald.isBlank() ? null : udfald);
    }
}
