package dk.selvbetjening.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.shared.ModuleListeners;
import dk.selvbetjening.shared.SystemPrincipal;
import dk.selvbetjening.shared.changes.ChangedOnAnotherNode;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest
@AutoConfigureMockMvc
class CitizenCatalogueTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    MunicipalLinkService links;

    @Autowired
    SelfServiceService services;

    @Autowired
    AuthorityService authorities;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    CitizenCatalogue catalogue;

    @Autowired
    ModuleListeners listeners;

    @Autowired
    CitizenCatalogueAcrossNodes acrossNodes;

    @Test
    void servesTheActionPageAndTheStartRedirectWithoutQueryingOnceWarm() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a"));
        String page = "/handlingsside/" + service.slug() + "?kommunekode=101";
        assertThat(mvc.get().uri(page)).hasStatusOk();
        // the statement count is the whole application's: the publication's listeners (search, feed, link health)
        // query too, after its commit, on the task executor
        listeners.awaitRunning();

        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long before = statistics.getPrepareStatementCount();
        for (int i = 0; i < 20; i++) {
            assertThat(mvc.get().uri(page)).hasStatusOk();
            assertThat(mvc.get().uri("/handlingsside/" + service.slug() + "/start?kommunekode=101"))
                    .hasStatus(HttpStatus.SEE_OTHER);
            assertThat(mvc.get().uri("/api/v1/services/" + service.slug() + "?municipalityCode=101")).hasStatusOk();
        }
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(before);
    }

    @Test
    void showsAChangedLinkAtOnceAfterTheChangeCommits() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/old"));
        String start = "/handlingsside/" + service.slug() + "/start?kommunekode=101";
        assertThat(mvc.get().uri(start)).hasHeader("Location", "https://www.kk.dk/old");

        SystemPrincipal.run(() -> links.setLink(service.id(), 101, "https://www.kk.dk/new", null));
        assertThat(mvc.get().uri(start)).hasHeader("Location", "https://www.kk.dk/new");

        SystemPrincipal.run(() -> links.setLink(service.id(), 101, "", null));
        assertThat(mvc.get().uri(start)).hasHeader("Location",
                "/handlingsside/" + service.slug() + "?kommunekode=101#start");
    }

    @Test
    void showsAMunicipalitysAuthorityRecordAtOnceAfterItIsRegistered() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(265, "https://www.roskilde.dk/a"));
        String page = "/handlingsside/" + service.slug() + "?kommunekode=265";
        String api = "/api/v1/services/" + service.slug() + "?municipalityCode=265";
        assertThat(mvc.get().uri(page)).bodyText().contains("Ansvarlig myndighed: Roskilde<");
        assertThat(mvc.get().uri(api)).bodyJson().extractingPath("$.authority.name").isEqualTo("Roskilde");

        authorities.register(AuthorityFixtures.aMunicipality(265, "Roskilde Kommune"));
        assertThat(mvc.get().uri(page)).bodyText().contains("Ansvarlig myndighed: Roskilde Kommune")
                .contains("mailto:post@kommune-265.dk");
        assertThat(mvc.get().uri(api)).bodyJson().extractingPath("$.authority.contactEmail")
                .isEqualTo("post@kommune-265.dk");
    }

    @Test
    void stopsShowingAnArchivedSelfService() {
        SelfServiceDetails service = data.publishedNational("https://www.borger.dk/x");
        assertThat(mvc.get().uri("/handlingsside/" + service.slug())).hasStatusOk();
        SystemPrincipal.run(() -> services.archive(service.id()));
        assertThat(mvc.get().uri("/handlingsside/" + service.slug())).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anArchivedActionPageTakesItsSelfServiceOffEverythingCitizensAndHarvestersRead() {
        SelfServiceDetails service = data.publishedNational("https://www.borger.dk/arkiveret-side");
        String page = "/handlingsside/" + service.slug();
        assertThat(mvc.get().uri(page)).hasStatusOk();
        assertThat(readsOfTheCatalogue()).allSatisfy(body -> assertThat(body).contains(service.slug()));

        SystemPrincipal.run(() -> actionPages.archive(service.id()));

        assertThat(mvc.get().uri(page)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(page + "/start")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/services/" + service.slug())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(readsOfTheCatalogue()).allSatisfy(body -> assertThat(body).doesNotContain(service.slug()));
    }

    @Test
    void anUnpublishedActionPageLeavesItsSelfServiceWithItsShortDescription() {
        SelfServiceDetails service = data.publishedNational("https://www.borger.dk/afpubliceret-side");
        SystemPrincipal.run(() -> actionPages.unpublish(service.id()));

        assertThat(mvc.get().uri("/handlingsside/" + service.slug())).hasStatusOk().bodyText()
                .contains(service.shortDescription());
        assertThat(readsOfTheCatalogue().subList(0, 4))
                .allSatisfy(body -> assertThat(body).contains(service.slug()));
    }

    /** The topic page, the read API's list, the CSV, the JSON-LD catalogue and the sitemap, in that order. */
    private java.util.List<String> readsOfTheCatalogue() {
        return java.util.stream.Stream.of("/emner/bolig-og-flytning", "/api/v1/services?topic=bolig-og-flytning&size=100",
                        "/api/v1/services.csv", "/api/v1/catalogue.jsonld", "/sitemap.xml")
                .map(uri -> {
                    var result = mvc.get().uri(uri).exchange();
                    assertThat(result).as(uri).hasStatusOk();
                    return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
                }).toList();
    }

    @Test
    void readsAgainOnlyTheSelfServiceThatChangedAndKeepsTheRest() {
        SelfServiceDetails changed = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/before"));
        SelfServiceDetails other = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/other"));
        CitizenCatalogue.Snapshot before = catalogue.snapshot();

        SystemPrincipal.run(() -> links.setLink(changed.id(), 101, "https://www.kk.dk/after", null));
        CitizenCatalogue.Snapshot after = catalogue.snapshot();

        assertThat(after.generation()).isGreaterThan(before.generation());
        assertThat(after.service(changed.id()).orElseThrow().startUrl(101)).hasValue("https://www.kk.dk/after");
        assertThat(after.service(other.id()).orElseThrow()).isSameAs(before.service(other.id()).orElseThrow());
        assertThat(after.services()).hasSameSizeAs(before.services());
    }

    @Test
    void buildsFromScratchAfterAChangeOfUnknownExtent() {
        SelfServiceDetails service = data.publishedNational("https://www.borger.dk/scratch");
        PortalService before = catalogue.snapshot().service(service.id()).orElseThrow();

        catalogue.invalidate();

        PortalService after = catalogue.snapshot().service(service.id()).orElseThrow();
        assertThat(after).isNotSameAs(before).isEqualTo(before);
    }

    @Test
    void anotherNodesChangeIsReadAgainForTheSelfServicesItNames() {
        SelfServiceDetails named = data.publishedNational("https://www.borger.dk/named");
        SelfServiceDetails other = data.publishedNational("https://www.borger.dk/not-named");
        CitizenCatalogue.Snapshot before = catalogue.snapshot();

        acrossNodes.on(new ChangedOnAnotherNode(
                Map.of(CitizenCatalogueAcrossNodes.KIND, Set.of(named.id().toString())), false));
        CitizenCatalogue.Snapshot after = catalogue.snapshot();
        assertThat(after.generation()).isGreaterThan(before.generation());
        assertThat(after.service(named.id()).orElseThrow()).isNotSameAs(before.service(named.id()).orElseThrow())
                .isEqualTo(before.service(named.id()).orElseThrow());
        assertThat(after.service(other.id()).orElseThrow()).isSameAs(before.service(other.id()).orElseThrow());

        acrossNodes.on(new ChangedOnAnotherNode(
                Map.of(CitizenCatalogueAcrossNodes.MOST_USED, Set.of()), false));
        CitizenCatalogue.Snapshot ranked = catalogue.snapshot();
        assertThat(ranked.service(other.id()).orElseThrow()).isSameAs(after.service(other.id()).orElseThrow());

        acrossNodes.on(new ChangedOnAnotherNode(Map.of(CitizenCatalogueAcrossNodes.KIND, Set.of()), false));
        assertThat(catalogue.snapshot().service(other.id()).orElseThrow())
                .isNotSameAs(ranked.service(other.id()).orElseThrow());
    }
}
