package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class BeforeYouStartTests {

    @Test
    void takesOutHowLongItTakesAndSeparatesTheThingsYouNeedFromTheAdvice() {
        BeforeYouStart laidOut = BeforeYouStart.of(List.of("MitID.", "Din nye adresse og den dag, du flytter.",
                "Du kan melde flytning 4 uger før og op til 5 dage efter, du er flyttet.", "Det tager cirka 10 minutter."));
        assertThat(laidOut.timeNeeded()).isEqualTo("Det tager cirka 10 minutter.");
        assertThat(laidOut.youNeed()).containsExactly("MitID.", "Din nye adresse og den dag, du flytter.");
        assertThat(laidOut.advice())
                .containsExactly("Du kan melde flytning 4 uger før og op til 5 dage efter, du er flyttet.");
    }

    @Test
    void readsTimeAndAdviceFromHowTheItemBeginsInAnyCase() {
        BeforeYouStart laidOut = BeforeYouStart.of(List.of("regn med 30 til 60 minutter. Du kan gemme.",
                "Det tager 2 til 3 minutter.", "Skriv, om rotterne er inde eller ude.", "Det er gratis.",
                "Tegninger af det, du vil bygge.", "Hvor og hvornår cyklen blev stjålet."));
        assertThat(laidOut.timeNeeded()).as("the first time line").isEqualTo("regn med 30 til 60 minutter. Du kan gemme.");
        assertThat(laidOut.advice()).containsExactly("Det tager 2 til 3 minutter.",
                "Skriv, om rotterne er inde eller ude.", "Det er gratis.");
        assertThat(laidOut.youNeed()).containsExactly("Tegninger af det, du vil bygge.",
                "Hvor og hvornår cyklen blev stjålet.");
    }

    @Test
    void aThingWrittenAsDuSkalBrugeIsListedAsTheThing() {
        assertThat(BeforeYouStart.of(List.of("Du skal bruge MitID eller en printer.")).youNeed())
                .containsExactly("MitID eller en printer.");
    }

    @Test
    void anEmptyListOrBlankItemsLeaveNothingToShow() {
        assertThat(BeforeYouStart.of(List.of()).isEmpty()).isTrue();
        assertThat(BeforeYouStart.of(Arrays.asList(" ", null, "")).isEmpty()).isTrue();
        assertThat(BeforeYouStart.of(List.of("MitID.")).isEmpty()).isFalse();
    }
}
