package dk.selvbetjening.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.authority.NewAuthority;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The catalogue keeps the login rule on every write: adding (as imports do) and approved changes. */
@SpringBootTest
@AutoConfigureMockMvc
@dk.selvbetjening.shared.ActingAsSystem
class SelfServiceLoginRuleTests {

    @Autowired
    SelfServiceService services;

    @Autowired
    AuthorityService authorities;

    private AuthorityDetails privateActor() {
        return authorities.register(new NewAuthority("Privat A/S", AuthorityType.PRIVATE,
                AuthorityFixtures.aCvrNumber(), null, "https://www.privat.example", "+45 70 00 00 02",
                "kontakt@privat.example", false));
    }

    /** A national self-service (not mandatory, so it publishes without an assessment) with {@code login}. */
    private static NewSelfService withLogin(NewSelfService command, LoginMethod login) {
        return new NewSelfService(command.slug(), command.title(), command.shortDescription(), command.kind(),
                command.scope(), command.url(), command.formReturn(), command.authorityId(), command.supplierName(),
                command.supplierEmail(), login, null, command.kleNumber(), command.topics(), command.keywords(),
                command.demo());
    }

    @Test
    void addingAPrivateActorsSolutionWithNemLogInIsRefusedWithTheRuleInDanish() {
        NewSelfService command = withLogin(SelfServiceFixtures.aNationalSelfService(privateActor().id(),
                "https://www.privat.example/book"), LoginMethod.MITID_NEMLOGIN);
        assertThatThrownBy(() -> services.add(command)).isInstanceOf(LoginMethodRefusedException.class)
                .satisfies(e -> assertThat(((LoginMethodRefusedException) e).reasons()).singleElement().asString()
                        .contains("Private aktører må ikke bruge NemLog-in").contains("MitID-broker"));
        assertThat(services.bySlug(command.slug())).isEmpty();
        assertThat(services.add(withLogin(command, LoginMethod.MITID_BROKER)).loginMethod())
                .isEqualTo(LoginMethod.MITID_BROKER);
    }

    @Test
    void approvedChangesMayChangeTheLoginMethodWithinTheRuleAndItTakesEffectWhenPublished() {
        SelfServiceDetails own = services.add(withLogin(SelfServiceFixtures.aNationalSelfService(privateActor().id(),
                "https://www.privat.example/aendr"), LoginMethod.MITID_BROKER));
        assertThatThrownBy(() -> services.proposeChanges(own.id(), new ServiceChanges(own.title(), own.url(),
                own.shortDescription(), null, null, LoginMethod.MITID_NEMLOGIN)))
                .isInstanceOf(LoginMethodRefusedException.class);
        assertThat(services.pendingChanges(own.id())).isEmpty();

        SelfServiceDetails stateOwned = services.add(withLogin(SelfServiceFixtures.aNationalSelfService(
                authorities.register(AuthorityFixtures.aStateAuthority("Loginstyrelsen")).id(),
                "https://www.example-styrelse.dk/login"), LoginMethod.MITID_NEMLOGIN));
        services.proposeChanges(stateOwned.id(), new ServiceChanges(stateOwned.title(), stateOwned.url(),
                stateOwned.shortDescription(), null, null, LoginMethod.NONE));
        assertThat(services.byId(stateOwned.id()).loginMethod()).isEqualTo(LoginMethod.MITID_NEMLOGIN);
        assertThat(services.publish(stateOwned.id()).loginMethod()).isEqualTo(LoginMethod.NONE);
    }
}
