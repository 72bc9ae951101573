package dk.selvbetjening.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class SuspiciousDomainsTests {

    private final SuspiciousDomains list = SuspiciousDomains.of(List.of(
            "# comment", "", "evil.example   # phishing", "*.bad.example", "Ærø-betaling.example", "203.0.113.7"));

    @Test
    void matchesAListedDomainAndItsSubdomains() {
        assertThat(list.matches("evil.example")).isTrue();
        assertThat(list.matches("www.evil.example")).isTrue();
        assertThat(list.matches("a.b.EVIL.example.")).isTrue();
        assertThat(list.matches("login.bad.example")).isTrue();
        assertThat(list.matches("bad.example")).isTrue();
    }

    @Test
    void doesNotMatchLookAlikesOrParents() {
        assertThat(list.matches("notevil.example")).isFalse();
        assertThat(list.matches("example")).isFalse();
        assertThat(list.matches("evil.example.dk")).isFalse();
    }

    @Test
    void matchesInternationalisedNamesAndAddresses() {
        assertThat(list.matches(java.net.IDN.toASCII("ærø-betaling.example"))).isTrue();
        assertThat(list.matches("203.0.113.7")).isTrue();
        assertThat(list.matches("3.0.113.7")).isFalse();
    }

    @Test
    void theShippedListLoads() {
        SuspiciousDomains shipped = SuspiciousDomains.load(new ClassPathResource("linkcheck/suspicious-domains.txt"));
        assertThat(shipped.matches("www.phishing.invalid")).isTrue();
        assertThat(shipped.matches("www.kk.dk")).isFalse();
    }

    @Test
    void aMissingListStopsStartUp() {
        assertThatThrownBy(() -> SuspiciousDomains.load(new ClassPathResource("linkcheck/no-such-file.txt")))
                .isInstanceOf(UncheckedIOException.class);
    }
}
