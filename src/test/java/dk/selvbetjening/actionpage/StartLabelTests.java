package dk.selvbetjening.actionpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StartLabelTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Søg om boligstøtte                       | Start ansøgningen
            Søg om folkepension, når du bor i udlandet | Start ansøgningen
            søg SU                                   | Start ansøgningen
            Ansøg om pas                             | Start ansøgningen
            Anmeld tyveri af din cykel               | Start anmeldelsen
            Meld flytning                            | Start anmeldelsen
            Bestil nyt sundhedskort                  | Start bestillingen
            Book tid i Borgerservice                 | Start bookingen
            Reserver bøger på bibliotek.dk           | Start reservationen
            Tilmeld dig Organdonorregistret          | Start tilmeldingen
            Opret livstestamente                     | Start oprettelsen
            Forny dit kørekort                       | Start fornyelsen
            Ret din forskudsopgørelse                | Start rettelsen
            Beregn din boligstøtte                   | Start beregningen
            Skriv dit barn ind i skole               | Start indskrivningen
            Skriv dit barn op til daginstitution     | Start opskrivningen
            Skriv under på en fuldmagt               | Start nu
            Se din årsopgørelse                      | Start nu
            Find job på Jobnet                       | Start nu
            Søgning i arkivet                        | Start nu
            """)
    void derivesTheLabelFromTheTitlesVerb(String title, String label) {
        assertThat(StartLabel.fromTitle(title)).isEqualTo(label);
    }

    @Test
    void aBlankTitleGetsThePlainLabel() {
        assertThat(StartLabel.fromTitle("  ")).isEqualTo("Start nu");
        assertThat(StartLabel.fromTitle(null)).isEqualTo("Start nu");
    }

    @Test
    void theAuthorsOwnLabelWins() {
        ActionPageContent written = new ActionPageContent("Søg om SU", "Intro.", List.of(), "Start ansøgning om SU", null,
                null, null, null);
        ActionPageContent none = new ActionPageContent("Søg om SU", "Intro.", List.of(), " ", null, null, null, null);
        assertThat(written.effectiveStartLabel()).isEqualTo("Start ansøgning om SU");
        assertThat(none.effectiveStartLabel()).isEqualTo("Start ansøgningen");
    }
}
