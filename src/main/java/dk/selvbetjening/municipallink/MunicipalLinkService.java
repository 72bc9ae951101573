package dk.selvbetjening.municipallink;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The municipal link module's API. */
@Service
@Transactional(readOnly = true)
public class MunicipalLinkService {

    private final MunicipalLinkRepository links;
    private final SelfServiceService services;
    private final AuthorityService authorities;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MunicipalLinkService(MunicipalLinkRepository links, SelfServiceService services, AuthorityService authorities,
            ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.services = services;
        this.authorities = authorities;
        this.events = events;
        this.clock = clock;
    }

    /** Every registered link (present or missing). */
    public List<MunicipalLinkSummary> all() {
        return links.findAll().stream().map(MunicipalLink::toSummary).toList();
    }

    public List<MunicipalLinkSummary> linksOf(UUID selfServiceId) {
        return links.findBySelfServiceIdOrderByMunicipalityCodeAsc(selfServiceId).stream()
                .map(MunicipalLink::toSummary).toList();
    }

    /** Sets one municipality's link for a municipal self-service; a blank URL marks it missing. */
    @Transactional
    public MunicipalLinkSummary setLink(UUID selfServiceId, int municipalityCode, String url, String title) {
        SelfServiceDetails service = services.byId(selfServiceId);
        if (!service.isMunicipal()) {
            throw new IllegalArgumentException("Only a municipal self-service has municipal links");
        }
        if (authorities.municipality(municipalityCode).isEmpty()) {
            throw new IllegalArgumentException("Unknown municipality code " + municipalityCode);
        }
        MunicipalLink link = links.findBySelfServiceIdAndMunicipalityCode(selfServiceId, municipalityCode)
                .orElseGet(() -> new MunicipalLink(UUID.randomUUID(), selfServiceId, municipalityCode, clock.instant()));
        link.change(url, title, clock.instant());
        links.save(link);
        events.publishEvent(new MunicipalLinkChanged(selfServiceId, municipalityCode));
        return link.toSummary();
    }
}
