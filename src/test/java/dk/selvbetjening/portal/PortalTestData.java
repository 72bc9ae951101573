package dk.selvbetjening.portal;

import java.util.List;
import java.util.Map;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.compliance.AnswerStatus;
import dk.selvbetjening.compliance.ComplianceFixtures;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.shared.SystemPrincipal;
import org.springframework.stereotype.Component;

/**
 * Publishes self-services with action pages and municipal links through the modules' own services, as the application
 * itself ({@link SystemPrincipal}) does with demo content.
 */
@Component
public class PortalTestData {

    private final AuthorityService authorities;
    private final SelfServiceService services;
    private final ActionPageService actionPages;
    private final MunicipalLinkService links;
    private final ComplianceFixtures compliance;

    PortalTestData(AuthorityService authorities, SelfServiceService services, ActionPageService actionPages,
            MunicipalLinkService links, ComplianceFixtures compliance) {
        this.compliance = compliance;
        this.authorities = authorities;
        this.services = services;
        this.actionPages = actionPages;
        this.links = links;
    }

    public AuthorityDetails stateAuthority() {
        return authorities.register(AuthorityFixtures.aStateAuthority("Styrelsen for Test"));
    }

    /** The municipality's authority record, registered on first use. */
    public AuthorityDetails municipality(int code, String name) {
        return authorities.municipalityAuthority(code)
                .orElseGet(() -> authorities.register(AuthorityFixtures.aMunicipality(code, name)));
    }

    public AuthorityDetails authorityOf(SelfServiceDetails service) {
        return authorities.authority(service.authorityId());
    }

    public SelfServiceDetails publishedNational(String url) {
        return publish(SelfServiceFixtures.aNationalSelfService(stateAuthority().id(), url), Map.of());
    }

    /** A published municipal self-service with a link (or a blank, i.e. missing, link) per municipality. */
    public SelfServiceDetails publishedMunicipal(Map<Integer, String> municipalLinks) {
        return publish(SelfServiceFixtures.aMunicipalSelfService(stateAuthority().id()), municipalLinks);
    }

    /** Publishes {@code command}; a mandatory (wave) solution meets every requirement first, as it must. */
    public SelfServiceDetails publish(NewSelfService command, Map<Integer, String> municipalLinks) {
        return SystemPrincipal.call(() -> {
            SelfServiceDetails service = services.add(command);
            actionPages.write(service.id(), anActionPage(command.title()));
            municipalLinks.forEach((code, url) -> links.setLink(service.id(), code, url, null));
            if (command.mandatoryWave() != null) {
                compliance.answerAll(service.id(), AnswerStatus.MET);
            }
            return services.publish(service.id());
        });
    }

    public static ActionPageContent anActionPage(String title) {
        return new ActionPageContent(title, "Her kan du gøre det online. Det er for alle borgere.",
                List.of("MitID.", "Det tager 5 minutter."), null, null,
                "Ring til os, hvis du ikke kan bruge selvbetjeningen.", "Du får svar i Digital Post.", null);
    }
}
