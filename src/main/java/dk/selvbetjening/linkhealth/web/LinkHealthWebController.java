package dk.selvbetjening.linkhealth.web;

import java.util.Arrays;
import java.util.UUID;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;

import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.linkcheck.LinkOutcome;
import dk.selvbetjening.linkhealth.LinkHealthReport;
import dk.selvbetjening.shared.web.SeeOther;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.ModelAndView;

/** The link checker's dashboard for editors: every startable URL, most used first, and a check on demand. */
@Controller
class LinkHealthWebController {

    private final LinkHealthReport report;
    private final LinkCheckService checks;
    private final SelfServiceService services;

    LinkHealthWebController(LinkHealthReport report, LinkCheckService checks, SelfServiceService services) {
        this.report = report;
        this.checks = checks;
        this.services = services;
    }

    @GetMapping("/redaktion/linktjek")
    String dashboard(@RequestParam(required = false) String udfald, Model model) {
        LinkOutcome outcome = Arrays.stream(LinkOutcome.values()).filter(o -> o.name().equals(udfald)).findFirst()
                .orElse(null);
        var rows = report.rows(outcome);
        model.addAttribute("rows", rows);
        model.addAttribute("outcomes", LinkOutcome.values());
        model.addAttribute("selected", outcome);
        model.addAttribute("municipalServices",
                services.published().stream().filter(SelfServiceDetails::isMunicipal).toList());
        return "linkhealth/dashboard";
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
