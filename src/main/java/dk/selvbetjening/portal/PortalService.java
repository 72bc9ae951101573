package dk.selvbetjening.portal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.municipallink.MunicipalLinkSummary;

/**
 * A published self-service as the portal shows it: the service, its owner, its action page and, for a
 * municipal solution, each municipality's link. Immutable; part of a {@link CitizenCatalogue.Snapshot}.
 * {@code actionPagePublishedAt} is when its action page was published, null when citizens see only the service's
 * short description (the page was never published, or was taken down) and in a preview.
 */
public record PortalService(
        SelfServiceDetails service,
        AuthorityDetails authority,
        ActionPageContent actionPage,
        Instant updatedAt,
        Map<Integer, MunicipalLinkSummary> links,
        Instant actionPagePublishedAt) {

    public PortalService {
        links = Map.copyOf(links);
    }

    /** Without a published action page (a preview). */
    public PortalService(SelfServiceDetails service, AuthorityDetails authority, ActionPageContent actionPage,
            Instant updatedAt, Map<Integer, MunicipalLinkSummary> links) {
        this(service, authority, actionPage, updatedAt, links, null);
    }

    /** Whether citizens see its published action page (not only the service's short description). */
    public boolean hasPublishedActionPage() {
        return actionPagePublishedAt != null;
    }

    public String slug() {
        return service.slug();
    }

    public boolean isMunicipal() {
        return service.isMunicipal();
    }

    /**
     * Where Start leads: the national URL, or the municipality's own link for a municipal solution. Empty when
     * a municipal solution has no municipality chosen, no link there, or a link found broken (unless the service
     * says to show Start anyway).
     */
    public Optional<String> startUrl(Integer municipalityCode) {
        if (!isMunicipal()) {
            return Optional.of(service.url());
        }
        if (municipalityCode == null) {
            return Optional.empty();
        }
        MunicipalLinkSummary link = links.get(municipalityCode);
        if (link == null || link.isMissing() || (link.broken() && !service.startWhenLinkBroken())) {
            return Optional.empty();
        }
        return Optional.of(link.url());
    }

    /** The municipality's link exists but the link checker found it broken (whether or not Start still shows). */
    public boolean linkBroken(Integer municipalityCode) {
        MunicipalLinkSummary link = municipalityCode == null ? null : links.get(municipalityCode);
        return link != null && !link.isMissing() && link.broken();
    }
}
