package dk.selvbetjening.search.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.TopicSummary;
import dk.selvbetjening.search.SearchResults;
import dk.selvbetjening.search.SearchService;
import dk.selvbetjening.shared.BadParameterException;
import dk.selvbetjening.shared.web.RequestParameters;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The citizens' search page {@code /soeg}: results with their highlighted passage, topic filters with counts,
 * "Mente du …?", and help when nothing is found. Works without JavaScript; the header's search box posts here.
 */
@Controller
class SearchWebController {

    static final int PAGE_SIZE = 10;
    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    private final SearchService search;
    private final SearchParameters parameters;
    private final SelfServiceService catalogue;

    SearchWebController(SearchService search, SearchParameters parameters, SelfServiceService catalogue) {
        this.search = search;
        this.parameters = parameters;
        this.catalogue = catalogue;
    }

    @GetMapping("/soeg")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String emne,
            @RequestParam(required = false) String side,
            @CookieValue(name = "kommunekode", required = false) String municipalityCookie, Model model,
            HttpServletResponse response) {
        List<TopicSummary> topics = catalogue.topics();
        model.addAttribute("topics", topics);
        model.addAttribute("topicTitles", topics.stream()
                .collect(Collectors.toMap(TopicSummary::slug, TopicSummary::title)));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("noindex", true);
        if (q == null || q.isBlank()) {
            return "search/results";
        }
        String query;
        String topic;
        int page;
        try {
            query = parameters.query(q);
            topic = topicOrNull(emne, topics);
            page = RequestParameters.number("side", side, 1, 1, SearchApiController.MAX_PAGE) - 1;
        } catch (BadParameterException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("q", q.length() > SearchService.MAX_QUERY ? q.substring(0, SearchService.MAX_QUERY) : q);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            return "search/results";
        }
        Optional<MunicipalitySummary> municipality = parameters.chosen(municipalityCookie);
        SearchResults results = search.search(query, topic, page, PAGE_SIZE);
        Map<String, TopicSummary> bySlug = topics.stream()
                .collect(Collectors.toMap(TopicSummary::slug, Function.identity()));
        model.addAttribute("results", results);
        model.addAttribute("topic", topic);
        model.addAttribute("topicTitle", topic == null ? null : bySlug.get(topic).title());
        model.addAttribute("municipality", municipality.orElse(null));
        model.addAttribute("page", page + 1);
        model.addAttribute("pages", (results.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("from", (long) page * PAGE_SIZE + 1);
        model.addAttribute("to", Math.min(results.total(), (long) (page + 1) * PAGE_SIZE));
        model.addAttribute("openUrls", results.hits().stream().collect(Collectors.toMap(SearchResults.Hit::slug,
                hit -> openUrl(results.searchId(), hit.slug()), (a, b) -> a)));
        return "search/results";
    }

    /** Counts the opened result, then goes to its action page (the chosen municipality's for a municipal one). */
    @GetMapping("/soeg/aabn")
    String open(@RequestParam(required = false) String soegning, @RequestParam(required = false) String side) {
        if (side == null || !side.matches(SLUG) || side.length() > 200) {
            return "redirect:/soeg";
        }
        try {
            search.opened(UUID.fromString(soegning), side);
        } catch (IllegalArgumentException | NullPointerException e) {
            // not from a search page: nothing to count
        }
        return "redirect:/handlingsside/" + side;
    }

    private static String topicOrNull(String emne, List<TopicSummary> topics) {
        if (emne == null || emne.isBlank()) {
            return null;
        }
        return topics.stream().map(TopicSummary::slug).filter(emne::equals).findFirst()
                .orElseThrow(() -> new BadParameterException("emne", "search.error.topic"));
    }

    private static String openUrl(UUID searchId, String slug) {
        return UriComponentsBuilder.fromPath("/soeg/aabn").queryParam("soegning", searchId)
                .queryParam("side", slug).build().encode().toUriString();
    }
}
