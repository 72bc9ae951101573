package dk.selvbetjening.compliance.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dk.selvbetjening.compliance.AssessmentService;
import dk.selvbetjening.compliance.InvalidInputException;
import dk.selvbetjening.compliance.requirement.RequirementCatalogue;
import dk.selvbetjening.compliance.requirement.RequirementDetails;
import dk.selvbetjening.compliance.requirement.RequirementNotFoundException;
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
 * The requirement catalogue in the backoffice: everyone there reads it; editors add requirements, reword, retire,
 * reinstate and mark a draft wording as verified. Each change is a new catalogue version.
 */
@Controller
class RequirementWebController {

    static final String BASE = "/redaktion/krav";

    private final RequirementCatalogue catalogue;
    private final AssessmentService assessments;

    RequirementWebController(RequirementCatalogue catalogue, AssessmentService assessments) {
        this.catalogue = catalogue;
        this.assessments = assessments;
    }

    @GetMapping(BASE)
    String catalogue(Model model) {
        return list(Map.of("area", "", "title", "", "wording", ""), Map.of(), model);
    }

    @PostMapping(BASE)
    ModelAndView add(@RequestParam(required = false) String area, @RequestParam(required = false) String title,
            @RequestParam(required = false) String wording,
            @RequestParam(defaultValue = "false") boolean verified, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("area", area == null ? "" : area);
        typed.put("title", title == null ? "" : title);
        typed.put("wording", wording == null ? "" : wording);
        int areaNumber;
        try {
            areaNumber = Integer.parseInt(area == null ? "" : area.strip());
        } catch (NumberFormatException e) {
            areaNumber = 0;
        }
        try {
            RequirementDetails added = catalogue.add(areaNumber, title, wording, verified);
            redirect.addFlashAttribute("notice", "compliance.web.requirement.notice.added");
            return SeeOther.to(BASE + "/{number}", added.number());
        } catch (InvalidInputException e) {
            return new ModelAndView(list(typed, e.errors(), model));
        }
    }

    @GetMapping(BASE + "/{number}")
    String requirement(@PathVariable String number, Model model) {
        RequirementDetails requirement = find(number);
        return page(requirement, Map.of("title", requirement.title(), "wording", requirement.wording()),
                Map.of(), model);
    }

    @PostMapping(BASE + "/{number}")
    ModelAndView reword(@PathVariable String number, @RequestParam(required = false) String version,
            @RequestParam(required = false) String title, @RequestParam(required = false) String wording,
            @RequestParam(defaultValue = "false") boolean verified, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("title", title == null ? "" : title, "wording", wording == null ? "" : wording);
        return act(number, typed, model, redirect, "compliance.web.requirement.notice.reworded",
                () -> catalogue.reword(number, version(version), title, wording, verified));
    }

    @PostMapping(BASE + "/{number}/verificer")
    ModelAndView verify(@PathVariable String number, @RequestParam(required = false) String version, Model model,
            RedirectAttributes redirect) {
        return act(number, null, model, redirect, "compliance.web.requirement.notice.verified",
                () -> catalogue.verify(number, version(version)));
    }

    @PostMapping(BASE + "/{number}/udgaa")
    ModelAndView retire(@PathVariable String number, @RequestParam(required = false) String version, Model model,
            RedirectAttributes redirect) {
        return act(number, null, model, redirect, "compliance.web.requirement.notice.retired",
                () -> catalogue.retire(number, version(version)));
    }

    @PostMapping(BASE + "/{number}/genindsaet")
    ModelAndView reinstate(@PathVariable String number, @RequestParam(required = false) String version, Model model,
            RedirectAttributes redirect) {
        return act(number, null, model, redirect, "compliance.web.requirement.notice.reinstated",
                () -> catalogue.reinstate(number, version(version)));
    }

    private ModelAndView act(String number, Map<String, String> typed, Model model, RedirectAttributes redirect,
            String noticeKey, Supplier<?> action) {
        RequirementDetails requirement = find(number);
        Map<String, String> shown = typed != null ? typed
                : Map.of("title", requirement.title(), "wording", requirement.wording());
        try {
            action.get();
        } catch (InvalidInputException e) {
            return new ModelAndView(page(requirement, shown, e.errors(), model));
        } catch (ObjectOptimisticLockingFailureException e) {
            model.addAttribute("conflict", "compliance.web.conflict");
            ModelAndView page = new ModelAndView(page(find(number), shown, Map.of(), model));
            page.setStatus(HttpStatus.CONFLICT);
            return page;
        }
        redirect.addFlashAttribute("notice", noticeKey);
        return SeeOther.to(BASE + "/{number}", number);
    }

    private String list(Map<String, String> typed, Map<String, String> errors, Model model) {
        model.addAttribute("requirements", catalogue.requirements());
        model.addAttribute("catalogueVersion", catalogue.version());
        model.addAttribute("versions", catalogue.versions().stream().limit(10).toList());
        model.addAttribute("areas", AssessmentPages.AREAS);
        model.addAttribute("mayEdit", assessments.mayReview());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "compliance/requirements";
    }

    private String page(RequirementDetails requirement, Map<String, String> typed, Map<String, String> errors,
            Model model) {
        model.addAttribute("r", requirement);
        model.addAttribute("revisions", catalogue.revisions(requirement.number()));
        model.addAttribute("mayEdit", assessments.mayReview());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "compliance/requirement";
    }

    private RequirementDetails find(String number) {
        return catalogue.requirement(number).orElseThrow(() -> new RequirementNotFoundException(number));
    }

    private static long version(String given) {
        try {
            return Long.parseLong(given == null ? "" : given.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
