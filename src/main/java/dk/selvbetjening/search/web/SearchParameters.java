package dk.selvbetjening.search.web;

import java.util.Optional;

import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.MunicipalityCode;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.TopicSummary;
import dk.selvbetjening.search.SearchService;
import dk.selvbetjening.shared.BadParameterException;
import org.springframework.stereotype.Component;

/** Reads the search's parameters; a bad one is a {@link BadParameterException} in Danish. */
@Component
class SearchParameters {

    private final SelfServiceService catalogue;
    private final AuthorityService authorities;

    SearchParameters(SelfServiceService catalogue, AuthorityService authorities) {
        this.catalogue = catalogue;
        this.authorities = authorities;
    }

    /** The query: 1-200 characters, not only white space. */
    String query(String q) {
        if (q == null || q.isBlank()) {
            throw new BadParameterException("q", "search.error.q.empty");
        }
        if (q.length() > SearchService.MAX_QUERY) {
            throw new BadParameterException("q", "search.error.q.tooLong", SearchService.MAX_QUERY);
        }
        return q;
    }

    /** A known topic's slug, or null when none is given. */
    String topic(String topic) {
        if (topic == null || topic.isBlank()) {
            return null;
        }
        return catalogue.topics().stream().map(TopicSummary::slug).filter(topic::equals).findFirst()
                .orElseThrow(() -> new BadParameterException("topic", "api.error.topic", topic));
    }

    Optional<MunicipalitySummary> municipality(String given) {
        return MunicipalityCode.parameter(given, authorities::municipality);
    }

    /** The municipality a citizen chose (the portal's cookie), if it names one. */
    Optional<MunicipalitySummary> chosen(String cookie) {
        return cookie == null ? Optional.empty() : MunicipalityCode.find(cookie, authorities::municipality);
    }
}
