package dk.selvbetjening.connection;

import java.util.List;
import java.util.Map;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.catalogue.SelfServiceDetails;

/**
 * Names for a request's ids, slugs and codes, as its pages show them: {@code municipalityNames} for the codes of its
 * municipal links, the {@code existingService} it changes and its {@code authority} (null when none or unknown), and
 * the titles of its topics in the request's order.
 */
public record ConnectionRequestNames(Map<Integer, String> municipalityNames, SelfServiceDetails existingService,
        AuthorityDetails authority, List<String> topicTitles) {
}
