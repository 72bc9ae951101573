package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class PasskeyPropertiesTests {

    @Test
    void theRelyingPartyIdIsTheFirstOriginsHostUnlessGiven() {
        PasskeyProperties local = new PasskeyProperties(null, "Redaktion", Set.of("http://localhost:8080/"));
        assertThat(local.rpId()).isEqualTo("localhost");
        assertThat(local.allowedOrigins()).containsExactly("http://localhost:8080");

        PasskeyProperties production = new PasskeyProperties("", "Redaktion",
                Set.of("https://Selvbetjening.example.dk:443/redaktion"));
        assertThat(production.rpId()).isEqualTo("selvbetjening.example.dk");
        assertThat(production.allowedOrigins()).containsExactly("https://selvbetjening.example.dk");

        assertThat(new PasskeyProperties("example.dk", "Redaktion",
                Set.of("https://redaktion.example.dk", "https://example.dk")).allowedOrigins()).hasSize(2);
    }

    @Test
    void refusesOriginsAPasskeyCannotWorkOn() {
        assertThatThrownBy(() -> new PasskeyProperties(null, "R", Set.of("http://selvbetjening.example.dk")))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> new PasskeyProperties(null, "R", Set.of("http://127.0.0.1:8080")))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> new PasskeyProperties("example.dk", "R", Set.of("https://example.com")))
                .hasMessageContaining("is not on selvbetjening.passkeys.rp-id example.dk");
        assertThatThrownBy(() -> new PasskeyProperties("ample.dk", "R", Set.of("https://example.dk")))
                .hasMessageContaining("rp-id");
        assertThatThrownBy(() -> new PasskeyProperties(null, "R", Set.of()))
                .hasMessageContaining("at least one origin");
    }

    @Test
    void aLoginByPasswordAloneIsToldFromStrongerOnes() {
        assertThat(EditorPasskeyFilter.passwordOnly(login(FactorGrantedAuthority.PASSWORD_AUTHORITY))).isTrue();
        assertThat(EditorPasskeyFilter.passwordOnly(login(FactorGrantedAuthority.WEBAUTHN_AUTHORITY))).isFalse();
        assertThat(EditorPasskeyFilter.passwordOnly(login(FactorGrantedAuthority.PASSWORD_AUTHORITY,
                FactorGrantedAuthority.WEBAUTHN_AUTHORITY))).isFalse();
        assertThat(EditorPasskeyFilter.passwordOnly(login(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY)))
                .isFalse();
        assertThat(EditorPasskeyFilter.passwordOnly(login())).isFalse();
    }

    private static TestingAuthenticationToken login(String... factors) {
        List<org.springframework.security.core.GrantedAuthority> authorities = new java.util.ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_EDITOR"));
        for (String factor : factors) {
            authorities.add(FactorGrantedAuthority.fromAuthority(factor));
        }
        return new TestingAuthenticationToken("someone", null, authorities);
    }
}
