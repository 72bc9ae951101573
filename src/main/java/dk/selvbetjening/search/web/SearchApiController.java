package dk.selvbetjening.search.web;

import java.util.List;

import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.search.SearchResults;
import dk.selvbetjening.search.SearchService;
import dk.selvbetjening.shared.web.RequestParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** The search as JSON: results with highlights and topic counts, and suggestions while typing. */
@RestController
@RequestMapping(path = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Search")
class SearchApiController {

    static final int MAX_SIZE = 50;
    static final int MAX_PAGE = 1000;

    private final SearchService search;
    private final SearchParameters parameters;

    SearchApiController(SearchService search, SearchParameters parameters) {
        this.search = search;
        this.parameters = parameters;
    }

    @GetMapping
    @Operation(summary = "Search published self-services in Danish",
            description = "q is words, never query syntax. highlights are passages of the action page, HTML-escaped, "
                    + "with the matched words in <mark>. facets.topics counts all results per topic, whichever topic "
                    + "is chosen. didYouMean is a better spelling when the query gives fewer than 3 results. "
                    + "actionPageUrl names the municipality for a municipal solution when municipalityCode is given.")
    SearchResponse search(
            @Parameter(description = "The citizen's words, 1-200 characters") @RequestParam(required = false) String q,
            @Parameter(description = "Topic slug") @RequestParam(required = false) String topic,
            @Parameter(description = "Municipality code, e.g. 101") @RequestParam(required = false) String municipalityCode,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) String page,
            @Parameter(description = "Items per page, 1-50 (default 10)") @RequestParam(required = false) String size) {
        String query = parameters.query(q);
        String onlyTopic = parameters.topic(topic);
        Integer code = parameters.municipality(municipalityCode).map(MunicipalitySummary::code).orElse(null);
        int pageNumber = RequestParameters.number("page", page, 0, 0, MAX_PAGE);
        int pageSize = RequestParameters.number("size", size, 10, 1, MAX_SIZE);
        SearchResults results = search.search(query, onlyTopic, pageNumber, pageSize);
        UriComponentsBuilder contextPath = ServletUriComponentsBuilder.fromCurrentContextPath();
        List<SearchResponse.Item> items = results.hits().stream().map(hit -> new SearchResponse.Item(hit.slug(),
                hit.title(), hit.shortDescription(),
                actionPageUrl(contextPath, hit.slug(), hit.municipal() ? code : null), hit.highlights())).toList();
        return new SearchResponse(items, pageNumber, pageSize, results.total(),
                new SearchResponse.Facets(results.topics().stream()
                        .map(t -> new SearchResponse.TopicFacet(t.slug(), t.count())).toList()),
                results.didYouMean());
    }

    @GetMapping("/suggest")
    @Operation(summary = "Up to six self-services whose titles begin with the words typed so far")
    List<SuggestionResponse> suggest(
            @Parameter(description = "The words typed so far, 1-200 characters") @RequestParam(required = false) String q) {
        String query = parameters.query(q);
        UriComponentsBuilder contextPath = ServletUriComponentsBuilder.fromCurrentContextPath();
        return search.suggest(query).stream()
                .map(s -> new SuggestionResponse(s.slug(), s.title(), actionPageUrl(contextPath, s.slug(), null)))
                .toList();
    }

    /** The action page's URL; {@code contextPath} is read from the request once per response, not once per item. */
    private static String actionPageUrl(UriComponentsBuilder contextPath, String slug, Integer municipalityCode) {
        var builder = contextPath.cloneBuilder().path("/handlingsside/{slug}");
        if (municipalityCode != null) {
            builder.queryParam("kommunekode", municipalityCode);
        }
        return builder.buildAndExpand(slug).encode().toUriString();
    }

    /** A suggestion: the self-service's title and action page. */
    record SuggestionResponse(String slug, String title, String actionPageUrl) {
    }
}
