package dk.selvbetjening.municipallink.web;

import java.util.List;

import dk.selvbetjening.municipallink.Completeness;
import dk.selvbetjening.municipallink.LinkCounts;

/** How complete the municipal links are: per published municipal self-service, per municipality and in all. */
record CompletenessResponse(Counts total, List<ServiceCounts> services, List<MunicipalityCounts> municipalities) {

    /** Links present, missing and broken. */
    record Counts(int present, int missing, int broken) {

        static Counts of(LinkCounts counts) {
            return new Counts(counts.present(), counts.missing(), counts.broken());
        }
    }

    record ServiceCounts(String service, String title, int present, int missing, int broken) {
    }

    record MunicipalityCounts(int municipalityCode, String name, int present, int missing, int broken) {
    }

    static CompletenessResponse of(Completeness completeness) {
        return new CompletenessResponse(Counts.of(completeness.total()),
                completeness.services().stream().map(s -> new ServiceCounts(s.slug(), s.title(), s.counts().present(),
                        s.counts().missing(), s.counts().broken())).toList(),
                completeness.municipalities().stream().map(m -> new MunicipalityCounts(m.code(), m.name(),
                        m.counts().present(), m.counts().missing(), m.counts().broken())).toList());
    }
}
