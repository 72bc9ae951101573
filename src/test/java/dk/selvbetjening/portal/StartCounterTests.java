package dk.selvbetjening.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.usage.StartCounter;
import dk.selvbetjening.usage.StartCounterProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The start redirect counts every start in the usage module, and "most used" follows the written counts. */
@SpringBootTest
@AutoConfigureMockMvc
class StartCounterTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    StartCounterProbe starts;

    @Autowired
    CitizenCatalogue catalogue;

    @Autowired
    Clock clock;

    @Test
    void countsStartsPerServiceMunicipalityAndDayInMemoryUntilFlushed() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a", 461, "https://odense.dk/a"));
        // the day the starts begin: they are written under the day each happened, and midnight may pass meanwhile
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < 3; i++) {
            mvc.get().uri("/handlingsside/" + service.slug() + "/start?kommunekode=101").exchange();
        }
        mvc.get().uri("/handlingsside/" + service.slug() + "/start?kommunekode=461").exchange();
        mvc.get().uri("/handlingsside/" + service.slug() + "/start").exchange();

        assertThat(starts.writtenFrom(service.id(), 101, today)).isZero();
        assertThat(starts.flush()).isGreaterThanOrEqualTo(4);
        assertThat(starts.writtenFrom(service.id(), 101, today)).isEqualTo(3);
        assertThat(starts.writtenFrom(service.id(), 461, today)).isEqualTo(1);

        mvc.get().uri("/handlingsside/" + service.slug() + "/start?kommunekode=101").exchange();
        starts.flush();
        assertThat(starts.writtenFrom(service.id(), 101, today)).isEqualTo(4);
    }

    @Test
    void countsANationalSolutionUnderMunicipalityZero() {
        SelfServiceDetails service = data.publishedNational("https://www.borger.dk/x");
        LocalDate today = LocalDate.now(clock);
        mvc.get().uri("/handlingsside/" + service.slug() + "/start?kommunekode=101").exchange();
        starts.flush();
        assertThat(starts.writtenFrom(service.id(), StartCounter.NATIONAL, today)).isEqualTo(1);
    }

    @Test
    void theMostUsedSelfServicesFollowTheWrittenStarts() {
        SelfServiceDetails popular = data.publishedNational("https://www.borger.dk/popular");
        for (int i = 0; i < 50; i++) {
            mvc.get().uri("/handlingsside/" + popular.slug() + "/start").exchange();
        }
        starts.flush();
        assertThat(catalogue.snapshot().mostUsed().get(0).slug()).isEqualTo(popular.slug());
    }

    @Test
    void aFlushRanksMostUsedAgainWithoutRebuildingTheRestAndOnlyWhenTheRankingChanged() {
        SelfServiceDetails risen = data.publishedNational("https://www.borger.dk/stiger");
        SelfServiceDetails first = data.publishedNational("https://www.borger.dk/foerst");
        for (int i = 0; i < 60; i++) {
            mvc.get().uri("/handlingsside/" + first.slug() + "/start").exchange();
        }
        starts.flush();
        CitizenCatalogue.Snapshot before = catalogue.snapshot();
        assertThat(before.mostUsed().get(0).slug()).isNotEqualTo(risen.slug());

        for (int i = 0; i < 120; i++) {
            mvc.get().uri("/handlingsside/" + risen.slug() + "/start").exchange();
        }
        starts.flush();
        CitizenCatalogue.Snapshot after = catalogue.snapshot();
        assertThat(after.mostUsed().get(0).slug()).isEqualTo(risen.slug());
        assertThat(after.generation()).isGreaterThan(before.generation());
        assertThat(after.services()).as("nothing but the ranking built again").isSameAs(before.services());

        catalogue.rankAgain();
        assertThat(catalogue.snapshot()).as("the same ranking keeps the snapshot").isSameAs(after);
    }
}
