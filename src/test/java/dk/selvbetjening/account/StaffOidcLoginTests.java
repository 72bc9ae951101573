package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** The login page's buttons with several providers, and the configurations the staff login refuses (ADR 0026). */
class StaffOidcLoginTests {

    private static final StaffLoginProperties DEFAULTS = StaffLoginProperties.of("Log ind med NemLog-in",
            "sub", "name", "email", "cvr");

    @Test
    void showsOneButtonPerProviderInDanishLabelOrderThenByRegistrationId() {
        StaffOidcLogin login = login(registration("b", "Log ind med Århus"), registration("a", "Log ind med Ølstykke"),
                registration("c", "Log ind med Ærø"), registration("d", "Log ind med Vejle"));

        assertThat(login.buttons()).extracting(StaffOidcLogin.Button::label).containsExactly("Log ind med Vejle",
                "Log ind med Ærø", "Log ind med Ølstykke", "Log ind med Århus");
        assertThat(login.buttons()).extracting(StaffOidcLogin.Button::url).containsExactly("/oauth2/authorization/d",
                "/oauth2/authorization/c", "/oauth2/authorization/a", "/oauth2/authorization/b");
    }

    @Test
    void aRegistrationWithoutAClientNameGetsTheDefaultLabel() {
        StaffOidcLogin login = login(registration("nemlogin", null));

        assertThat(login.buttons()).containsExactly(
                new StaffOidcLogin.Button("/oauth2/authorization/nemlogin", "Log ind med NemLog-in"));
        // read from the issuer's discovery document, the client name is the issuer
        ClientRegistration discovered = ClientRegistration.withClientRegistration(registration("nemlogin", null))
                .clientName("https://nemlogin.example").build();
        assertThat(login(discovered).buttons()).extracting(StaffOidcLogin.Button::label)
                .containsExactly("Log ind med NemLog-in");
    }

    @Test
    void noRegistrationNoButtons() {
        assertThat(new StaffOidcLogin(new StaticListableBeanFactory().getBeanProvider(
                ClientRegistrationRepository.class), null, DEFAULTS).buttons()).isEmpty();
    }

    @Test
    void refusesARegistrationWithoutIssuerUriAsItsTokensIssuerWouldGoUnchecked() {
        ClientRegistration unchecked = ClientRegistration.withClientRegistration(registration("egen", "Log ind med Egen"))
                .issuerUri(null).build();

        assertThatThrownBy(() -> StaffOidcLogin.check(List.of(registration("nemlogin", null), unchecked),
                login()::label))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.security.oauth2.client.provider.egen.issuer-uri");
    }

    @Test
    void refusesTwoRegistrationsWithTheSameButtonText() {
        assertThatThrownBy(() -> StaffOidcLogin.check(List.of(registration("nemlogin", null),
                registration("andet", "Log ind med NemLog-in")), login()::label))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nemlogin and andet");
        StaffOidcLogin.check(List.of(registration("nemlogin", null), registration("kk", "Log ind med KK")),
                login()::label);
    }

    private static StaffOidcLogin login(ClientRegistration... registrations) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(registrations.length == 0 ? Map.of()
                : Map.of("registrations", new InMemoryClientRegistrationRepository(Arrays.asList(registrations))));
        return new StaffOidcLogin(beans.getBeanProvider(ClientRegistrationRepository.class), null, DEFAULTS);
    }

    /** A registration as Spring Boot builds it: without a client-name, the client name is the registration id. */
    private static ClientRegistration registration(String id, String clientName) {
        return ClientRegistration.withRegistrationId(id).clientId("portal").clientName(clientName == null ? id
                        : clientName)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("https://" + id + ".example/authorize").tokenUri("https://" + id + ".example/token")
                .issuerUri("https://" + id + ".example").build();
    }
}
