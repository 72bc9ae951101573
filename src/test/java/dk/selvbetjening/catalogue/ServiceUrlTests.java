package dk.selvbetjening.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceUrlTests {

    @ParameterizedTest
    @ValueSource(strings = {"https://www.kk.dk/selvbetjening", "http://127.0.0.1:8081/x?y=1", "https://lifeindenmark.borger.dk"})
    void acceptsAbsoluteWebAddresses(String url) {
        assertThat(ServiceUrl.isValid(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "/relative", "ftp://x.dk/a", "https://user:pw@kk.dk/", "https://",
            "https://kk.dk/a b", "mailto:a@b.dk", " "})
    void refusesAnythingElse(String url) {
        assertThat(ServiceUrl.isValid(url)).isFalse();
    }

    @Test
    void knowsTheHostTheCitizenLandsOn() {
        assertThat(new ServiceUrl("https://www.kk.dk/borger").host()).isEqualTo("www.kk.dk");
    }
}
