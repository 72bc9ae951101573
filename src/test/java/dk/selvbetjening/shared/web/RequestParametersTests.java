package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.selvbetjening.shared.BadParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParametersTests {

    @Test
    void readsANumberWithinItsBoundsAndFallsBackWhenAbsent() {
        assertThat(RequestParameters.number("size", " 20 ", 100, 1, 1000)).isEqualTo(20);
        assertThat(RequestParameters.number("size", null, 100, 1, 1000)).isEqualTo(100);
        assertThat(RequestParameters.number("size", "", 100, 1, 1000)).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "ti", "1.5", "99999999999"})
    void anythingElseIsABadParameterNamingItsBounds(String given) {
        assertThatThrownBy(() -> RequestParameters.number("size", given, 100, 1, 1000))
                .isInstanceOfSatisfying(BadParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("size");
                    assertThat(e.messageKey()).isEqualTo("api.error.size");
                    assertThat(e.arguments()).containsExactly(given, 1, 1000);
                });
    }
}
