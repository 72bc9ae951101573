package dk.selvbetjening.search.web;

import java.util.UUID;

import dk.selvbetjening.search.InvalidSynonymGroupException;
import dk.selvbetjening.search.Synonyms;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The editors' synonym groups: add, change, delete; a change works at the next search. */
@Controller
class SynonymWebController {

    private final Synonyms synonyms;

    SynonymWebController(Synonyms synonyms) {
        this.synonyms = synonyms;
    }

    @GetMapping("/redaktion/synonymer")
    String list(Model model) {
        model.addAttribute("groups", synonyms.groups());
        return "search/synonyms";
    }

    @PostMapping("/redaktion/synonymer")
    String add(@RequestParam(required = false) String terms, Model model, RedirectAttributes redirect) {
        try {
            synonyms.add(terms);
        } catch (InvalidSynonymGroupException e) {
            model.addAttribute("newTerms", terms);
            model.addAttribute("newError", e.messageKey());
            return list(model);
        }
        redirect.addFlashAttribute("done", "search.synonyms.added");
        return "redirect:/redaktion/synonymer";
    }

    @PostMapping("/redaktion/synonymer/{id}")
    String change(@PathVariable UUID id, @RequestParam(required = false) String terms,
            @RequestParam(defaultValue = "-1") long version, Model model, RedirectAttributes redirect) {
        try {
            synonyms.change(id, version, terms);
        } catch (InvalidSynonymGroupException e) {
            model.addAttribute("failedId", id);
            model.addAttribute("failedTerms", terms);
            model.addAttribute("failedError", e.messageKey());
            return list(model);
        } catch (OptimisticLockingFailureException e) {
            model.addAttribute("failedId", id);
            model.addAttribute("failedTerms", terms);
            model.addAttribute("failedError", "search.synonyms.error.stale");
            return list(model);
        }
        redirect.addFlashAttribute("done", "search.synonyms.saved");
        return "redirect:/redaktion/synonymer";
    }

    @PostMapping("/redaktion/synonymer/{id}/slet")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        synonyms.delete(id);
        redirect.addFlashAttribute("done", "search.synonyms.deleted");
        return "redirect:/redaktion/synonymer";
    }
}
