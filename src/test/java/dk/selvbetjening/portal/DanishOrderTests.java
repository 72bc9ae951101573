package dk.selvbetjening.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DanishOrderTests {

    @Test
    void sortsAToÅWithÆØÅLastAndAaAsÅ() {
        List<String> names = new ArrayList<>(List.of("Aarhus", "Ærø", "Odense", "Aabenraa", "Albertslund", "Østerbro",
                "Aalborg", "Vejle", "Allerød", "Åbyhøj", "Læsø", "Lyngby-Taarbæk", "Høje-Taastrup", "Hørsholm"));
        names.sort(DanishOrder.names());
        assertThat(names).containsExactly("Albertslund", "Allerød", "Høje-Taastrup", "Hørsholm", "Lyngby-Taarbæk",
                "Læsø", "Odense", "Vejle", "Ærø", "Østerbro", "Aabenraa", "Åbyhøj", "Aalborg", "Aarhus");
    }
}
