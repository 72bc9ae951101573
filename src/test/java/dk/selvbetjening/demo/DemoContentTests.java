package dk.selvbetjening.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.municipallink.MunicipalLinkSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "selvbetjening.demo.enabled=true")
class DemoContentTests {

    @Autowired
    SelfServiceService services;

    @Autowired
    MunicipalLinkService links;

    @Autowired
    DemoContentLoader loader;

    @Autowired
    AuthorityService authorities;

    @Autowired
    dk.selvbetjening.actionpage.ActionPageService actionPages;

    @Test
    void loadsARealisticPublishedCatalogueMarkedAsDemo() {
        List<SelfServiceDetails> published = services.published();
        assertThat(published).hasSizeGreaterThanOrEqualTo(25).allMatch(SelfServiceDetails::demo);
        assertThat(published.stream().flatMap(s -> s.topics().stream()).distinct().count()).isGreaterThanOrEqualTo(8);
        assertThat(published).anyMatch(s -> s.kind() == SelfServiceKind.FORM && !s.formReturn().isEmpty());
        assertThat(published).anyMatch(s -> s.kind() == SelfServiceKind.PORTAL);
        assertThat(published.stream().filter(s -> s.mandatoryWave() != null).count()).isGreaterThanOrEqualTo(3);
        assertThat(published).extracting(SelfServiceDetails::slug).contains("meld-flytning",
                "soeg-om-byggetilladelse", "reserver-boeger-paa-bibliotek-dk", "skriv-dit-barn-op-til-daginstitution",
                "beregn-din-boligstoette", "find-dine-sundhedsoplysninger-paa-sundhed-dk");
    }

    @Test
    void everyDemoActionPagePassesTheGuidesErrorChecks() {
        assertThat(services.published()).allSatisfy(service -> {
            var page = actionPages.find(service.id()).orElseThrow();
            assertThat(actionPages.check(page.content(), service.mandatoryWave() != null).errors())
                    .as(service.slug()).isEmpty();
        });
    }

    @Test
    void municipalSolutionsHaveLinksForTheBigMunicipalities() {
        Map<java.util.UUID, Set<Integer>> present = links.all().stream().filter(l -> !l.isMissing())
                .collect(Collectors.groupingBy(MunicipalLinkSummary::selfServiceId,
                        Collectors.mapping(MunicipalLinkSummary::municipalityCode, Collectors.toSet())));
        List<SelfServiceDetails> municipal = services.published().stream().filter(SelfServiceDetails::isMunicipal).toList();
        assertThat(municipal).hasSizeGreaterThanOrEqualTo(3);
        Collection<Set<Integer>> perService = municipal.stream().map(s -> present.getOrDefault(s.id(), Set.of())).toList();
        assertThat(perService).allSatisfy(codes -> assertThat(codes).hasSizeGreaterThanOrEqualTo(10)
                .contains(101, 461, 751, 851));
    }

    /**
     * Public authorities log citizens in with MitID through NemLog-in; private actors may not use NemLog-in and
     * use MitID through a broker (borger.dk's connection guide).
     */
    @Test
    void everyDemoSolutionUsesALoginItsOwnerMayUse() {
        Map<java.util.UUID, AuthorityDetails> owners = authorities.authorities().stream()
                .collect(Collectors.toMap(AuthorityDetails::id, a -> a));
        assertThat(services.published()).filteredOn(SelfServiceDetails::demo).isNotEmpty().allSatisfy(service -> {
            AuthorityDetails owner = owners.get(service.authorityId());
            assertThat(owner).as("owner of %s", service.slug()).isNotNull();
            LoginMethod forbidden = owner.type().isPublic() ? LoginMethod.MITID_BROKER : LoginMethod.MITID_NEMLOGIN;
            assertThat(service.loginMethod()).as("%s, owned by %s (%s)", service.slug(), owner.name(), owner.type())
                    .isNotEqualTo(forbidden);
        });
    }

    @Test
    void municipalSolutionsAreOwnedByPublicAuthoritiesOtherThanAMunicipality() {
        Map<java.util.UUID, AuthorityDetails> owners = authorities.authorities().stream()
                .collect(Collectors.toMap(AuthorityDetails::id, a -> a));
        assertThat(services.published().stream().filter(SelfServiceDetails::demo).filter(SelfServiceDetails::isMunicipal))
                .isNotEmpty()
                .allSatisfy(service -> assertThat(owners.get(service.authorityId()).type()).as(service.slug())
                        .isIn(AuthorityType.STATE, AuthorityType.REGION));
    }

    @Test
    void everyDemoMunicipalityIsNamedAfterTheMunicipalityItsCodeNames() {
        Map<Integer, String> names = authorities.municipalities().stream()
                .collect(Collectors.toMap(MunicipalitySummary::code, MunicipalitySummary::name));
        List<AuthorityDetails> municipalities = authorities.authorities().stream()
                .filter(a -> a.type() == AuthorityType.MUNICIPALITY).toList();
        assertThat(municipalities).hasSizeGreaterThanOrEqualTo(10).allSatisfy(a ->
                assertThat(a.name()).startsWith(names.get(a.municipalityCode())).endsWith("Kommune"));
        assertThat(authorities.authorities()).filteredOn(a -> a.type() != AuthorityType.MUNICIPALITY)
                .allSatisfy(a -> assertThat(a.name()).doesNotContain("Kommune"));
    }

    @Test
    void loadsNothingIntoACatalogueThatHasContent() throws Exception {
        long before = services.count();
        loader.run(new DefaultApplicationArguments());
        assertThat(services.count()).isEqualTo(before);
    }
}
