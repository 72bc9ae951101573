package dk.selvbetjening.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkUrlTests {

    @ParameterizedTest
    @CsvSource({
            "HTTPS://WWW.KK.DK/Borger?a=1#top, https://www.kk.dk/Borger?a=1",
            "https://www.kk.dk:443/, https://www.kk.dk/",
            "http://kk.dk:80, http://kk.dk/",
            "http://127.0.0.2:8080/x, http://127.0.0.2:8080/x",
            "https://www.kk.dk./a, https://www.kk.dk/a",
            "https://hørsholm.dk/børn, https://xn--hrsholm-q1a.dk/b%C3%B8rn",
            "'  https://kk.dk/a  ', https://kk.dk/a"})
    void spellsEachUrlOneWay(String url, String normalized) {
        assertThat(LinkUrl.normalize(url)).contains(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/relative", "ftp://kk.dk/a", "mailto:a@kk.dk", "javascript:alert(1)",
            "https://user:pw@kk.dk/", "https://kk.dk/a b", "https://", "http:kk.dk"})
    void refusesWhatIsNoAbsoluteHttpUrl(String url) {
        assertThat(LinkUrl.normalize(url)).isEmpty();
    }

    @Test
    void refusesAnOverlongUrl() {
        assertThat(LinkUrl.normalize("https://kk.dk/" + "a".repeat(LinkUrl.MAX_LENGTH))).isEmpty();
    }

    @Test
    void resolvesARelativeRedirectAgainstTheUrlThatSentIt() {
        assertThat(LinkUrl.resolve("https://kk.dk/a/b", "../c#x")).contains("https://kk.dk/c");
        assertThat(LinkUrl.resolve("https://kk.dk/a", "//www.kk.dk/d")).contains("https://www.kk.dk/d");
        assertThat(LinkUrl.resolve("https://kk.dk/a", "/ny side")).contains("https://kk.dk/ny%20side");
        assertThat(LinkUrl.resolve("https://kk.dk/a", "mailto:x@kk.dk")).isEmpty();
    }

    @Test
    void knowsTheHostWithoutBrackets() {
        assertThat(LinkUrl.host("http://[::1]:8080/")).isEqualTo("::1");
        assertThat(LinkUrl.host("https://www.kk.dk/")).isEqualTo("www.kk.dk");
    }
}
