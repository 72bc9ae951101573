package dk.selvbetjening.municipallink.web;

import java.util.Locale;

import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.MunicipalityCode;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.municipallink.LinkFilter;
import dk.selvbetjening.municipallink.LinkStatus;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.shared.BadParameterException;
import org.springframework.stereotype.Component;

/** Reads the API's filter parameters; a bad one is a 400 naming the parameter. */
@Component
class MunicipalLinkParameters {

    private final AuthorityService authorities;
    private final MunicipalLinkService links;

    MunicipalLinkParameters(AuthorityService authorities, MunicipalLinkService links) {
        this.authorities = authorities;
        this.links = links;
    }

    LinkFilter filter(String municipalityCode, String service, String status) {
        return new LinkFilter(municipality(municipalityCode), service(service), status(status));
    }

    /** The municipality a filter names by its code; null when none is given; a Danish 400 when it names none. */
    Integer municipality(String given) {
        return MunicipalityCode.parameter(given, authorities::municipality).map(MunicipalitySummary::code).orElse(null);
    }

    String service(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        return links.municipalService(given.strip())
                .orElseThrow(() -> new BadParameterException("service", "municipallink.api.error.service", given))
                .slug();
    }

    static LinkStatus status(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return LinkStatus.valueOf(given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("status", "municipallink.api.error.status", given);
        }
    }
}
