package dk.selvbetjening.search.web;

import dk.selvbetjening.search.InvalidSynonymGroupException;
import dk.selvbetjening.search.SearchIndex;
import dk.selvbetjening.search.SearchIndexStatus;
import dk.selvbetjening.search.SearchInsights;
import dk.selvbetjening.search.Synonyms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What citizens search for ({@code /redaktion/soegninger}): the most frequent queries, those without results and
 * those where nobody opened a result, each with "Tilføj synonym" in one step; and the index's size and rebuild.
 */
@Controller
class SearchInsightsWebController {

    private final SearchInsights insights;
    private final Synonyms synonyms;
    private final SearchIndex index;

    SearchInsightsWebController(SearchInsights insights, Synonyms synonyms, SearchIndex index) {
        this.insights = insights;
        this.synonyms = synonyms;
        this.index = index;
    }

    @GetMapping("/redaktion/soegninger")
    String insights(Model model) {
        insights.flush();
        model.addAttribute("days", insights.days());
        model.addAttribute("top", insights.mostFrequent());
        model.addAttribute("zero", insights.withoutResults());
        model.addAttribute("unopened", insights.nobodyOpened());
        SearchIndexStatus status = index.status();
        model.addAttribute("index", status);
        model.addAttribute("indexKb", (status.sizeInBytes() + 1023) / 1024);
        return "search/insights";
    }

    /** Adds a synonym group of the query and the editor's word(s) for it. */
    @PostMapping("/redaktion/soegninger/synonym")
    String addSynonym(@RequestParam(required = false) String query, @RequestParam(required = false) String synonym,
            Model model, RedirectAttributes redirect) {
        try {
            synonyms.add((query == null ? "" : query) + ", " + (synonym == null ? "" : synonym));
        } catch (InvalidSynonymGroupException e) {
            model.addAttribute("synonymError", e.messageKey());
            model.addAttribute("synonymQuery", query);
            return insights(model);
        }
        redirect.addFlashAttribute("done", "search.insights.synonymAdded");
        return "redirect:/redaktion/soegninger";
    }

    @PostMapping("/redaktion/soegninger/genopbyg")
    String rebuild(RedirectAttributes redirect) {
        SearchIndexStatus status = index.rebuild();
        redirect.addFlashAttribute("rebuilt", status.indexedDocuments());
        return "redirect:/redaktion/soegninger";
    }
}
