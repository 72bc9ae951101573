package dk.selvbetjening.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.shared.changes.ChangeSignals;
import dk.selvbetjening.usage.StartStatistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** Readiness waits for the citizen snapshot: DOWN until one is built, UP from then on, even when it goes stale. */
@SpringBootTest
@AutoConfigureMockMvc
class CitizenCatalogueReadinessTests {

    @Autowired
    SelfServiceService services;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    MunicipalLinkService links;

    @Autowired
    AuthorityService authorities;

    @Autowired
    StartStatistics starts;

    @Autowired
    Clock clock;

    @Autowired
    ChangeSignals signals;

    @Autowired
    CitizenCatalogue applicationsCatalogue;

    @Autowired
    HealthEndpointGroups groups;

    @Test
    void isDownUntilTheFirstSnapshotIsBuiltAndUpFromThenOn() {
        CitizenCatalogue catalogue = new CitizenCatalogue(services, actionPages, links, authorities, starts, signals,
                clock);
        CitizenCatalogueReadiness readiness = new CitizenCatalogueReadiness(catalogue);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);

        readiness.warm();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);

        catalogue.invalidate();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theApplicationBuildsItsSnapshotAtStartUpAndTheReadinessProbeWaitsForIt() {
        assertThat(applicationsCatalogue.built()).isNotNull();
        assertThat(groups.get("readiness").isMember("citizenCatalogue")).isTrue();
        assertThat(groups.get("liveness").isMember("citizenCatalogue")).isFalse();
    }
}
