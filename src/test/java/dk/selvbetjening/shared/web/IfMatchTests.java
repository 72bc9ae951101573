package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTests {

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "3", "W/\"3\"", " \"3\" "})
    void namesTheVersionOfTheEntityTag(String header) {
        assertThat(IfMatch.version(header, "thing.api.ifMatch")).isEqualTo(OptionalLong.of(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "\"abc\"", "W/", "\"3\", \"4\""})
    void namesNoVersionWhenTheTagIsNoNumber(String header) {
        assertThat(IfMatch.version(header, "thing.api.ifMatch")).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void anAbsentHeaderIsRequiredWithTheCallersTexts(String header) {
        assertThatThrownBy(() -> IfMatch.version(header, "thing.api.ifMatch"))
                .isInstanceOfSatisfying(IfMatch.PreconditionRequiredException.class,
                        e -> assertThat(e.messages()).isEqualTo("thing.api.ifMatch"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"-1\"", "-1"})
    void readsTheVersionBeforeTheFirstSave(String header) {
        assertThat(IfMatch.version(header, "thing.api.ifMatch")).isEqualTo(OptionalLong.of(-1));
    }
}
