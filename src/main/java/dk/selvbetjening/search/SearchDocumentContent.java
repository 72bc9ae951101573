package dk.selvbetjening.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.catalogue.SelfServiceDetails;

/** What a published self-service is found by: its own words, its topics, its owner's name and its action page. */
record SearchDocumentContent(String slug, String title, String shortDescription, List<String> keywords,
        List<String> topics, String authorityName, String pageText, boolean municipal) {

    static SearchDocumentContent of(SelfServiceDetails service, ActionPageContent page, String authorityName) {
        List<String> paragraphs = new ArrayList<>();
        if (page != null) {
            // the page's title is the service's title in all but wording: the title field finds it
            Stream.concat(Stream.of(page.title().equals(service.title()) ? null : page.title(), page.intro()),
                    page.beforeYouStart().stream())
                    .forEach(paragraphs::add);
            Stream.of(page.continuesOn(), page.alternatives(), page.afterwards(), page.moreInformation(), page.rules(),
                    page.fees(), page.deadlines()).forEach(paragraphs::add);
        }
        String pageText = String.join("\n\n", paragraphs.stream()
                .filter(p -> p != null && !p.isBlank()).map(String::strip).toList());
        return new SearchDocumentContent(service.slug(), service.title(),
                service.shortDescription() == null ? "" : service.shortDescription(),
                service.keywords() == null ? List.of() : service.keywords(),
                service.topics() == null ? List.of() : service.topics(), authorityName, pageText,
                service.isMunicipal());
    }
}
