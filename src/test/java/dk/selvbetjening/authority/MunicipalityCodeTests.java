package dk.selvbetjening.authority;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MunicipalityCodeTests {

    @Test
    void readsThreeAndFourDigitForms() {
        assertThat(MunicipalityCode.parse("101")).contains(new MunicipalityCode(101));
        assertThat(MunicipalityCode.parse("0101")).contains(new MunicipalityCode(101));
        assertThat(MunicipalityCode.parse(" 851 ")).contains(new MunicipalityCode(851));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "10", "1O1", "99", "1000", "00101", "-101", "10 1", "0099"})
    void refusesWhatIsNotAThreeDigitCode(String text) {
        assertThat(MunicipalityCode.parse(text)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(MunicipalityCode.parse(null)).isEmpty();
    }
}
