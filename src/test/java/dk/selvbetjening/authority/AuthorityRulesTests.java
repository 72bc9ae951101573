package dk.selvbetjening.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The register's rules for one authority's values, the same for the form, the API and each CSV row. */
class AuthorityRulesTests {

    private static final Map<Integer, String> MUNICIPALITIES = Map.of(101, "København", 751, "Aarhus");
    private static final Map<Integer, String> REGIONS = Map.of(1082, "Region Midtjylland");

    private final Authority aarhus = new Authority(UUID.randomUUID(), new AuthorityValues("Aarhus Kommune",
            AuthorityType.MUNICIPALITY, "55133018", 751, null, null, null, null), false);

    private AuthorityRules.Register register() {
        return new AuthorityRules.Register(MUNICIPALITIES, REGIONS, List.of(aarhus));
    }

    private static AuthorityInput input(String name, String type, String cvr, String municipality, String region) {
        return new AuthorityInput(name, type, cvr, municipality, region, null, null, null);
    }

    private static List<String> keys(AuthorityRules.Checked checked) {
        return checked.errors().stream().map(e -> e.field() + " " + e.messageKey()).toList();
    }

    @Test
    void acceptsAStateAuthorityWithItsContactDetailsAndStripsTheCvrNumbersSpaces() {
        AuthorityRules.Checked checked = AuthorityRules.check(new AuthorityInput(" Skattestyrelsen ", "state",
                "2918 9919", null, null, "https://skat.dk", "+45 72 22 18 18", "skat@skat.dk"), null, register());
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.values()).isEqualTo(new AuthorityValues("Skattestyrelsen", AuthorityType.STATE, "29189919",
                null, null, "https://skat.dk", "+45 72 22 18 18", "skat@skat.dk"));
    }

    @Test
    void aCvrNumberMayWaitButAGivenOneMustPassTheModulus11Check() {
        assertThat(AuthorityRules.check(input("Styrelsen", "STATE", "", null, null), null, register()).values()
                .cvrNumber()).isNull();
        assertThat(keys(AuthorityRules.check(input("Styrelsen", "STATE", "29189918", null, null), null, register())))
                .containsExactly("cvrNumber authority.error.cvr");
        assertThat(keys(AuthorityRules.check(input("Styrelsen", "STATE", "2918991", null, null), null, register())))
                .containsExactly("cvrNumber authority.error.cvr");
        assertThat(AuthorityRules.check(input("Styrelsen", "STATE", "DK29189919", null, null), null, register())
                .values().cvrNumber()).isEqualTo("29189919");
    }

    @Test
    void aCvrNumberAndAMunicipalityBelongToOneAuthorityOnly() {
        AuthorityRules.Checked taken = AuthorityRules.check(input("Aarhus igen", "Kommune", "55133018", "0751", null),
                null, register());
        assertThat(keys(taken)).containsExactly("cvrNumber authority.error.cvrTaken",
                "municipalityCode authority.error.municipalityTaken");
        assertThat(taken.errors().get(1).arguments()).containsExactly("751 (Aarhus)", "Aarhus Kommune");
        assertThat(AuthorityRules.check(input("Aarhus Kommune", "MUNICIPALITY", "55133018", "751", null), aarhus.id(),
                register()).errors()).as("its own CVR number and code").isEmpty();
    }

    @Test
    void aMunicipalityAndOnlyAMunicipalityHasAKnownMunicipalityCode() {
        assertThat(keys(AuthorityRules.check(input("Kommunen", "MUNICIPALITY", null, null, null), null, register())))
                .containsExactly("municipalityCode authority.error.municipalityMissing");
        assertThat(keys(AuthorityRules.check(input("Kommunen", "MUNICIPALITY", null, "999", null), null, register())))
                .containsExactly("municipalityCode authority.error.municipalityUnknown");
        assertThat(keys(AuthorityRules.check(input("Styrelsen", "STATE", null, "101", null), null, register())))
                .containsExactly("municipalityCode authority.error.municipalityNotAllowed");
        assertThat(AuthorityRules.check(input("Københavns Kommune", "MUNICIPALITY", null, "101", null), null,
                register()).values().municipalityCode()).isEqualTo(101);
    }

    @Test
    void onlyARegionNamesARegionAndOnlyAKnownOne() {
        assertThat(AuthorityRules.check(input("Region Midtjylland", "REGION", null, null, "1082"), null, register())
                .values().regionCode()).isEqualTo(1082);
        assertThat(AuthorityRules.check(input("Danske Regioner", "REGION", null, null, null), null, register())
                .errors()).isEmpty();
        assertThat(keys(AuthorityRules.check(input("Region X", "REGION", null, null, "1086"), null, register())))
                .containsExactly("regionCode authority.error.regionUnknown");
        assertThat(keys(AuthorityRules.check(input("Styrelsen", "STATE", null, null, "1082"), null, register())))
                .containsExactly("regionCode authority.error.regionNotAllowed");
    }

    @Test
    void namesTypesHomepagesPhonesAndEmailsAreChecked() {
        AuthorityRules.Checked checked = AuthorityRules.check(new AuthorityInput(" ", "kontor", null, null, null,
                "http://skat.dk", "ring til os", "skat.dk"), null, register());
        assertThat(keys(checked)).containsExactly("name authority.error.name", "type authority.error.type",
                "homepageUrl authority.error.homepage", "contactPhone authority.error.phone",
                "contactEmail authority.error.email");
        assertThat(keys(AuthorityRules.check(new AuthorityInput("x".repeat(201), "PRIVATE", null, null, null,
                "https://user@skat.dk", "1234567", null), null, register()))).containsExactly(
                "name authority.error.name", "homepageUrl authority.error.homepage", "contactPhone authority.error.phone");
        assertThat(keys(AuthorityRules.check(new AuthorityInput("Privat A/S", "Privat", null, null, null, null,
                "33 66 33 66", null), null, register()))).isEmpty();
    }

    @Test
    void aRowOfAFileConflictsWithTheRowAboveThatHoldsTheSameCvrNumber() {
        AuthorityRules.Register register = register();
        AuthorityRules.Checked first = AuthorityRules.check(input("Styrelsen", "STATE", "29189919", null, null), null,
                register);
        register.hold(first.values(), new AuthorityRules.Holder(null, "Styrelsen", 2L));
        AuthorityRules.Checked second = AuthorityRules.check(input("Styrelsen igen", "STATE", "29189919", null, null),
                null, register);
        assertThat(keys(second)).containsExactly("cvrNumber authority.error.cvrInFile");
        assertThat(second.errors().get(0).arguments()).containsExactly("29189919", "2");
    }
}
