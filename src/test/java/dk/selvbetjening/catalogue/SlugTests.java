package dk.selvbetjening.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlugTests {

    @Test
    void spellsOutDanishLettersAndHyphenatesWords() {
        assertThat(Slug.of("Skriv dit barn op til daginstitution").value())
                .isEqualTo("skriv-dit-barn-op-til-daginstitution");
        assertThat(Slug.of("Søg om boligstøtte – nu på én gang!").value())
                .isEqualTo("soeg-om-boligstoette-nu-paa-en-gang");
        assertThat(Slug.of("Ældre & Pårørende").value()).isEqualTo("aeldre-paaroerende");
    }

    @Test
    void refusesUpperCaseSpacesAndEdgeHyphens() {
        assertThat(Slug.isValid("meld-flytning")).isTrue();
        assertThat(Slug.isValid("Meld-flytning")).isFalse();
        assertThat(Slug.isValid("meld flytning")).isFalse();
        assertThat(Slug.isValid("-meld")).isFalse();
        assertThat(Slug.isValid("meld--flytning")).isFalse();
        assertThatThrownBy(() -> new Slug("../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
