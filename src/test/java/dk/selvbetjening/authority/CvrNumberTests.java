package dk.selvbetjening.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CvrNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"64942212", "29189919", "55133018"})
    void acceptsNumbersThatPassTheModulus11Check(String number) {
        assertThat(CvrNumber.isValid(number)).isTrue();
        assertThat(new CvrNumber(number).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"64942213", "12345678", "06494221", "6494221", "649422120", "6494221a", "", " 64942212"})
    void refusesNumbersThatFailTheCheckOrTheForm(String number) {
        assertThat(CvrNumber.isValid(number)).isFalse();
        assertThatThrownBy(() -> new CvrNumber(number)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void refusesNull() {
        assertThat(CvrNumber.isValid(null)).isFalse();
    }
}
