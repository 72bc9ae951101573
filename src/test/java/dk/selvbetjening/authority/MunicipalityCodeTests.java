package dk.selvbetjening.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import dk.selvbetjening.shared.BadParameterException;
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

    private static final MunicipalitySummary COPENHAGEN = new MunicipalitySummary(101, "København", 1084);
    private static final IntFunction<Optional<MunicipalitySummary>> REGISTER =
            code -> Optional.ofNullable(Map.of(101, COPENHAGEN).get(code));

    @Test
    void findsTheMunicipalityACodeNamesInEitherForm() {
        assertThat(MunicipalityCode.find("101", REGISTER)).contains(COPENHAGEN);
        assertThat(MunicipalityCode.find("0101", REGISTER)).contains(COPENHAGEN);
        assertThat(MunicipalityCode.find("102", REGISTER)).isEmpty();
        assertThat(MunicipalityCode.find("abc", REGISTER)).isEmpty();
    }

    @Test
    void anAbsentOrBlankParameterNamesNoMunicipality() {
        assertThat(MunicipalityCode.parameter(null, REGISTER)).isEmpty();
        assertThat(MunicipalityCode.parameter(" ", REGISTER)).isEmpty();
        assertThat(MunicipalityCode.parameter("0101", REGISTER)).contains(COPENHAGEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"102", "abc", "1000", "<script>"})
    void aParameterThatIsNoMunicipalitysCodeIsABadParameterNamingIt(String given) {
        assertThatThrownBy(() -> MunicipalityCode.parameter(given, REGISTER))
                .isInstanceOfSatisfying(BadParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("municipalityCode");
                    assertThat(e.messageKey()).isEqualTo("api.error.municipalityCode");
                    assertThat(e.arguments()).containsExactly(given);
                });
    }
}
