package dk.selvbetjening.actionpage.web;

import java.util.List;
import java.util.Optional;

import dk.selvbetjening.actionpage.ActionPageConflictException;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.diff.FieldDiff;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.shared.BadParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An action page's history: every saved revision, a word-by-word comparison of any two, and restoring an old one as
 * the newest draft (the history keeps both).
 */
@Controller
class ActionPageRevisionWebController {

    private static final String REVISIONS = EditablePages.REVISIONS;

    private final ActionPageService actionPages;
    private final EditablePages pages;

    ActionPageRevisionWebController(ActionPageService actionPages, EditablePages pages) {
        this.actionPages = actionPages;
        this.pages = pages;
    }

    @GetMapping(REVISIONS)
    String revisions(@PathVariable String slug, Model model) {
        SelfServiceDetails service = pages.editable(slug);
        List<RevisionRow> rows = actionPages.revisions(service.id()).stream().map(RevisionRow::of).toList();
        model.addAttribute("service", service);
        model.addAttribute("revisions", rows);
        model.addAttribute("defaultFrom", rows.size() > 1 ? rows.get(1).number() : null);
        model.addAttribute("defaultTo", rows.isEmpty() ? null : rows.get(0).number());
        return "actionpage/revisions";
    }

    /** The changes from revision {@code fra} to revision {@code til}, field by field, word by word. */
    @GetMapping(REVISIONS + "/sammenlign")
    String compare(@PathVariable String slug, @RequestParam(name = "fra", required = false) String from,
            @RequestParam(name = "til", required = false) String to, Model model) {
        SelfServiceDetails service = pages.editable(slug);
        int fromNumber = number("fra", from);
        int toNumber = number("til", to);
        List<FieldDiff> diffs = actionPages.diff(service.id(), fromNumber, toNumber);
        model.addAttribute("service", service);
        model.addAttribute("from", fromNumber);
        model.addAttribute("to", toNumber);
        model.addAttribute("changes", diffs.stream().filter(FieldDiff::changed).map(DiffView::of).toList());
        return "actionpage/compare";
    }

    @PostMapping(REVISIONS + "/{number}/gendan")
    ModelAndView restore(@PathVariable String slug, @PathVariable String number, Model model,
            RedirectAttributes redirect) {
        SelfServiceDetails service = pages.editable(slug);
        int old = number("revision", number);
        try {
            int restored = actionPages.restore(service.id(), old);
            return pages.seeOther(EditablePages.EDITOR, slug, redirect, "actionpage.editor.notice.restored", old,
                    restored);
        } catch (ActionPageConflictException e) {
            model.addAttribute("problem", pages.message(e.reason()));
            ModelAndView page = new ModelAndView(revisions(slug, model));
            page.setStatus(HttpStatus.CONFLICT);
            return page;
        }
    }

    /** A revision number from the address; anything else is a link that does not work (the Danish 400 page). */
    private static int number(String parameter, String given) {
        return Optional.ofNullable(given).map(String::strip).filter(s -> s.matches("\\d{1,9}")).map(Integer::parseInt)
                .orElseThrow(() -> new BadParameterException(parameter, "actionpage.editor.revisions.badNumber"));
    }
}
