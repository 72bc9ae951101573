package dk.selvbetjening.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftNotFoundTests {

    @ParameterizedTest
    @ValueSource(strings = {"Siden findes ikke", "Siden blev ikke fundet", "Fejl 404 - Odense Kommune",
            "Siden kunne ikke findes", "Side ikke fundet", "Vi kan ikke finde siden", "Page not found",
            "404 Not Found", "Not Found", "Sorry, this page doesn't exist", "The page cannot be found",
            "Siden findes desværre ikke længere", "404 | Aarhus Kommune", "Error 404", "HTTP 404 - fejl"})
    void recognisesPhrasesSayingThePageWasNotFound(String title) {
        assertThat(SoftNotFound.says(title)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Byggetilladelse", "Find din kommune", "Blanket 404-B", "Ansøgning om boligstøtte",
            "Hvad gør jeg, hvis mit barn ikke findes i systemet?", "Postnummer 4040", "Selvbetjening 404", "Lov nr. 404 om boligstøtte"})
    void leavesOrdinaryTitlesAlone(String title) {
        assertThat(SoftNotFound.says(title)).isFalse();
    }

    @Test
    void readsTheTitleOrTheFirstHeadingOfAnHtmlPage() {
        assertThat(matches("<html><head><title>Hovedstaden</title></head><body><h1>Siden blev ikke fundet</h1>"
                + "<h1>Andet</h1>", "text/html")).isTrue();
        assertThat(matches("<html><head><title>Siden &oslash;nskes</title></head><body>"
                + "<!-- <h1>Page not found</h1> --><h1>Velkommen</h1><p>page not found</p>", "text/html")).isFalse();
        assertThat(matches("<TITLE>Page\n  Not   Found</TITLE>", null)).isTrue();
    }

    @Test
    void decodesTheCharsetTheServerNames() {
        byte[] latin1 = "<title>Siden findes desværre ikke</title>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(SoftNotFound.matches(latin1, "text/html; charset=ISO-8859-1")).isTrue();
    }

    @Test
    void ignoresWhatIsNotHtml() {
        assertThat(matches("<title>Page not found</title>", "application/pdf")).isFalse();
    }

    private static boolean matches(String html, String contentType) {
        return SoftNotFound.matches(html.getBytes(StandardCharsets.UTF_8), contentType);
    }
}
