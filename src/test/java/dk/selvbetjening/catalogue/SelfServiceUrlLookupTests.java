package dk.selvbetjening.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.shared.ActingAsSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The catalogue finds self-services by their URL in normalized form, and keeps that form when the URL changes. */
@SpringBootTest
@ActingAsSystem
class SelfServiceUrlLookupTests {

    @Autowired
    SelfServiceService services;

    @Autowired
    AuthorityService authorities;

    @Test
    void findsAServiceWhateverTheCaseOfItsHostAFragmentOrATrailingSlash() {
        String path = "/soeg-" + UUID.randomUUID();
        SelfServiceDetails service = services.add(aService("HTTPS://WWW.Opslag.Example.DK" + path + "/#start"));

        assertThat(services.withNormalizedUrl(ServiceUrl.normalize("https://www.opslag.example.dk" + path)))
                .extracting(SelfServiceDetails::id).containsExactly(service.id());
        assertThat(services.withNormalizedUrl(ServiceUrl.normalize("https://www.opslag.example.dk" + path + "/andet")))
                .isEmpty();
        assertThat(services.withNormalizedUrl(null)).isEmpty();
    }

    @Test
    void aPublishedChangeOfUrlMovesTheServiceToItsNewUrl() {
        String old = ServiceUrl.normalize("https://gammel.example.dk/" + UUID.randomUUID());
        String changed = ServiceUrl.normalize("https://ny.example.dk/" + UUID.randomUUID());
        SelfServiceDetails service = services.add(aService(old));
        services.proposeChanges(service.id(), new ServiceChanges(service.title(), changed + "/",
                service.shortDescription(), null, null, null));
        assertThat(services.withNormalizedUrl(old)).hasSize(1);
        assertThat(services.withNormalizedUrl(changed)).isEmpty();

        services.publish(service.id());
        assertThat(services.withNormalizedUrl(old)).isEmpty();
        assertThat(services.withNormalizedUrl(changed)).extracting(SelfServiceDetails::id).containsExactly(service.id());
    }

    @Test
    void answersForManyUrlsAtOnceWithTheIdsOfTheServicesThatHaveThem() {
        String shared = "https://delt.example.dk/" + UUID.randomUUID();
        String single = "https://alene.example.dk/" + UUID.randomUUID();
        SelfServiceDetails first = services.add(aService(shared));
        SelfServiceDetails second = services.add(aService(shared + "/"));
        SelfServiceDetails alone = services.add(aService(single));
        String unknown = "https://ukendt.example.dk/" + UUID.randomUUID();

        Map<String, Set<UUID>> found = services.idsByNormalizedUrl(List.of(shared, single, unknown, shared));

        assertThat(found).containsOnlyKeys(shared, single);
        assertThat(found.get(shared)).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(found.get(single)).containsExactly(alone.id());
        assertThat(services.idsByNormalizedUrl(List.of())).isEmpty();
    }

    private NewSelfService aService(String url) {
        UUID owner = authorities.register(AuthorityFixtures.aStateAuthority("Opslagsstyrelsen " + UUID.randomUUID()))
                .id();
        return SelfServiceFixtures.aVoluntarySelfService(owner, url);
    }
}
