package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import dk.selvbetjening.authority.AuthorityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Several providers' settings (ADR 0026): each registration may name its own claims and the only organisations it
 * may speak for; what it leaves out is the general setting, NemLog-in's by default.
 */
class StaffLoginPropertiesTests {

    private static final String OWN_CVR = AuthorityFixtures.aCvrNumber().value();
    private static final String OTHER_CVR = AuthorityFixtures.aCvrNumber().value();

    @Test
    void aProviderOverridesTheClaimsItNamesAndKeepsTheRest() {
        StaffLoginProperties properties = bind(Map.of("selvbetjening.oidc.providers.kk-entra.subject-claim", "oid",
                "selvbetjening.oidc.providers.kk-entra.cvr-numbers", OWN_CVR));

        StaffLoginProperties entra = properties.forRegistration("kk-entra");
        assertThat(entra.subjectClaim()).isEqualTo("oid");
        assertThat(entra.emailClaim()).isEqualTo("email");
        assertThat(entra.organisationCvrClaim()).isEqualTo("https://data.gov.dk/model/core/eid/professional/cvr");
        assertThat(entra.cvrNumbers()).containsExactly(OWN_CVR);
        StaffLoginProperties nemlogin = properties.forRegistration("nemlogin");
        assertThat(nemlogin.subjectClaim()).isEqualTo("https://data.gov.dk/model/core/eid/professional/uuid/persistent");
        assertThat(nemlogin.cvrNumbers()).as("a broker speaks for any organisation").isEmpty();
    }

    @Test
    void aProviderSpeaksOnlyForItsOwnOrganisations() {
        StaffLoginProperties entra = bind(Map.of("selvbetjening.oidc.providers.kk-entra.subject-claim", "oid",
                "selvbetjening.oidc.providers.kk-entra.cvr-numbers", OWN_CVR)).forRegistration("kk-entra");

        assertThat(StaffClaims.from(Map.of("oid", "p1", "email", "a@kk.example"), entra).cvrNumber())
                .as("no CVR claim: the only organisation it speaks for").isEqualTo(OWN_CVR);
        assertThat(StaffClaims.from(Map.of("oid", "p1", "email", "a@kk.example",
                entra.organisationCvrClaim(), OTHER_CVR), entra).cvrNumber()).as("another organisation's").isNull();
        assertThat(StaffClaims.from(Map.of("oid", "p1", "email", "a@kk.example",
                entra.organisationCvrClaim(), OWN_CVR), entra).cvrNumber()).isEqualTo(OWN_CVR);
        assertThat(StaffClaims.from(Map.of("sub", "p1", "email", "a@kk.example"), entra))
                .as("its own subject claim is the one read").isNull();

        StaffLoginProperties broker = bind(Map.of()).forRegistration("nemlogin");
        assertThat(StaffClaims.from(Map.of(broker.subjectClaim(), "p1", "email", "a@x.example",
                broker.organisationCvrClaim(), OTHER_CVR), broker).cvrNumber()).isEqualTo(OTHER_CVR);
    }

    @Test
    void refusesACvrNumberSettingThatIsNoCvrNumber() {
        assertThatThrownBy(() -> bind(Map.of("selvbetjening.oidc.providers.kk-entra.cvr-numbers", "12345678")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("selvbetjening.oidc.providers.kk-entra.cvr-numbers");
    }

    private static StaffLoginProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("selvbetjening.oidc", StaffLoginProperties.class);
    }
}
