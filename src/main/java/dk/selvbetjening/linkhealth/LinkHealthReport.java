package dk.selvbetjening.linkhealth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.linkcheck.LinkCheckResult;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.linkcheck.LinkOutcome;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.municipallink.MunicipalLinkSummary;
import dk.selvbetjening.usage.StartStatistics;
import org.springframework.stereotype.Service;

/** Every startable URL with its latest check, most used first: where a broken link hurts most comes first. */
@Service
public class LinkHealthReport {

    static final int USAGE_DAYS = 30;

    private final SelfServiceService services;
    private final MunicipalLinkService links;
    private final AuthorityService authorities;
    private final LinkCheckService checks;
    private final StartStatistics starts;

    LinkHealthReport(SelfServiceService services, MunicipalLinkService links, AuthorityService authorities,
            LinkCheckService checks, StartStatistics starts) {
        this.services = services;
        this.links = links;
        this.authorities = authorities;
        this.checks = checks;
        this.starts = starts;
    }

    /** The rows, most started first; {@code outcome} null for all. A URL never checked has no outcome. */
    public List<LinkHealthRow> rows(LinkOutcome outcome) {
        Map<StartStatistics.StartKey, Long> usage = starts.startsSince(USAGE_DAYS);
        Map<Integer, String> municipalityNames = authorities.municipalities().stream()
                .collect(Collectors.toMap(MunicipalitySummary::code, MunicipalitySummary::name));
        Map<java.util.UUID, List<MunicipalLinkSummary>> linksByService = links.all().stream()
                .filter(l -> !l.isMissing())
                .collect(Collectors.groupingBy(MunicipalLinkSummary::selfServiceId));
        List<Pending> pending = new ArrayList<>();
        for (SelfServiceDetails service : services.published()) {
            if (!service.isMunicipal()) {
                pending.add(new Pending(service, null, service.authorityId(), service.url(),
                        usage.getOrDefault(new StartStatistics.StartKey(service.id(), 0), 0L)));
                continue;
            }
            for (MunicipalLinkSummary link : linksByService.getOrDefault(service.id(), List.of())) {
                java.util.UUID owner = authorities.municipalityAuthority(link.municipalityCode())
                        .map(AuthorityDetails::id).orElse(service.authorityId());
                pending.add(new Pending(service, link.municipalityCode(), owner, link.url(),
                        usage.getOrDefault(new StartStatistics.StartKey(service.id(), link.municipalityCode()), 0L)));
            }
        }
        Map<String, LinkCheckResult> results = checks.latest(pending.stream().map(Pending::url).toList());
        Function<String, LinkCheckResult> resultOf = url -> checks.normalize(url).map(results::get).orElse(null);
        return pending.stream()
                .map(p -> new LinkHealthRow(p.service().id(), p.service().slug(), p.service().title(),
                        p.municipalityCode(), p.municipalityCode() == null ? null
                                : municipalityNames.get(p.municipalityCode()),
                        p.owner(), p.url(), p.starts(), resultOf.apply(p.url())))
                .filter(row -> outcome == null || (row.check() != null && row.check().outcome() == outcome))
                .sorted(Comparator.comparingLong(LinkHealthRow::starts).reversed()
                        .thenComparing(LinkHealthRow::serviceTitle)
                        .thenComparing(row -> row.municipalityName() == null ? "" : row.municipalityName()))
                .toList();
    }

    private record Pending(SelfServiceDetails service, Integer municipalityCode, java.util.UUID owner, String url,
            long starts) {
    }
}
