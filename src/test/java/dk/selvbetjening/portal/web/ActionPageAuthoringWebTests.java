package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.MutableClock;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What authoring changes on the citizen page: planned downtime notices, new sections, the editors' preview. */
@SpringBootTest
@AutoConfigureMockMvc
class ActionPageAuthoringWebTests {

    static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock portalTestClock() {
            return new MutableClock(START, ZoneId.of("Europe/Copenhagen"));
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    AuthorityService authorities;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    MutableClock clock;

    private ActionPageContent withDowntime(String title, PlannedDowntime downtime) {
        return new ActionPageContent(title, "Her melder du flytning.", List.of("MitID."), null, null,
                "Ring til kommunen.", null, null, "Lov om Det Centrale Personregister.", "Det er gratis.",
                "Meld flytning senest 5 dage efter.", downtime);
    }

    @Test
    void aPlannedDowntimeIsShownFromTheDayBeforeUntilItEndsEvenOnCachedPages() {
        SelfServiceDetails service = data.publishedNational("https://selvbetjening.example.dk/nedetid");
        Instant from = clock.instant().plus(Duration.ofDays(3));
        SystemPrincipal.run(() -> actionPages.write(service.id(), withDowntime(service.title(),
                new PlannedDowntime(from, from.plus(Duration.ofHours(4)), "Vi opdaterer systemet."))));
        String page = "/handlingsside/" + service.slug();

        assertThat(mvc.get().uri(page)).bodyText().doesNotContain("Vi opdaterer systemet.")
                .contains("Det er gratis.").contains("Meld flytning senest 5 dage efter.")
                .contains("Lov om Det Centrale Personregister.");

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(mvc.get().uri(page)).bodyText().contains("Vi opdaterer systemet.")
                .contains("Selvbetjeningen lukker snart i en periode");

        clock.advance(Duration.ofDays(1));
        assertThat(mvc.get().uri(page)).bodyText().contains("Selvbetjeningen er lukket lige nu");

        clock.advance(Duration.ofHours(4));
        assertThat(mvc.get().uri(page)).bodyText().doesNotContain("Vi opdaterer systemet.");
    }

    @Test
    void thePreviewShowsTheDraftForAChosenMunicipalityMarkedAndNeverCachedOrIndexed() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(751, "https://aarhus.example.dk/pasning"));
        AccountFixtures.TestAccount owner = accounts.authorityEditor(service.authorityId());
        accounts.runAs(owner, () -> actionPages.saveDraft(service.id(), withDowntime(service.title(), null)));

        var preview = mvc.get().uri("/redaktion/selvbetjeninger/" + service.slug()
                + "/handlingsside/forhaandsvisning?kommunekode=751").with(owner.login()).exchange();

        assertThat(preview).hasStatusOk().hasHeader("Cache-Control", "no-store")
                .hasHeader("X-Robots-Tag", "noindex, nofollow");
        assertThat(preview).bodyText().contains("Forhåndsvisning").contains("Det er gratis.")
                .contains("href=\"https://aarhus.example.dk/pasning\"").contains("noindex");
        assertThat(mvc.get().uri("/handlingsside/" + service.slug())).bodyText().doesNotContain("Det er gratis.");
    }

    @Test
    void onlyEditorsAndTheOwnersEditorsMayPreview() {
        SelfServiceDetails service = data.publishedNational("https://selvbetjening.example.dk/preview");
        String url = "/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside/forhaandsvisning";
        var other = accounts.authorityEditor(
                authorities.register(AuthorityFixtures.aStateAuthority("Fremmed Styrelse")).id());

        assertThat(mvc.get().uri(url).with(accounts.editor().login())).hasStatusOk();
        assertThat(mvc.get().uri(url).with(other.login())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri(url)).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri(url + "?revision=999").with(accounts.editor().login()))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
