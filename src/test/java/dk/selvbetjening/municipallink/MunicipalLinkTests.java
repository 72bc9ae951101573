package dk.selvbetjening.municipallink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The entity's rules: a blank URL is missing, only http(s) URLs, and a new URL has not been checked yet. */
class MunicipalLinkTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aBlankUrlMeansMissing() {
        MunicipalLink link = new MunicipalLink(UUID.randomUUID(), UUID.randomUUID(), 101, NOW);
        link.change("  ", "  ", NOW);
        assertThat(link.toSummary().isMissing()).isTrue();
        assertThat(link.toSummary().status()).isEqualTo(LinkStatus.MISSING);
        assertThat(link.toSummary().title()).isNull();
    }

    @Test
    void refusesAnythingButAnAbsoluteHttpUrlAndOverlongTitles() {
        MunicipalLink link = new MunicipalLink(UUID.randomUUID(), UUID.randomUUID(), 101, NOW);
        assertThatThrownBy(() -> link.change("javascript:alert(1)", null, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> link.change("https://bruger:kode@kk.dk", null, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> link.change("https://kk.dk", "x".repeat(201), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusFollowsUrlAndTheCheckersVerdict() {
        assertThat(LinkStatus.of(null, false)).isEqualTo(LinkStatus.MISSING);
        assertThat(LinkStatus.of("https://kk.dk", false)).isEqualTo(LinkStatus.PRESENT);
        assertThat(LinkStatus.of("https://kk.dk", true)).isEqualTo(LinkStatus.BROKEN);
        assertThat(new LinkCounts(49, 49, 0).percentPresent()).isEqualTo(50);
        assertThat(LinkCounts.NONE.percentPresent()).isZero();
    }

    @Test
    void editRightsCoverEveryOneOrNoMunicipality() {
        assertThat(LinkEditRights.ALL.mayEdit(851)).isTrue();
        assertThat(LinkEditRights.ALL.ownMunicipality()).isNull();
        assertThat(LinkEditRights.only(851).mayEdit(851)).isTrue();
        assertThat(LinkEditRights.only(851).mayEdit(101)).isFalse();
        assertThat(LinkEditRights.only(851).ownMunicipality()).isEqualTo(851);
        assertThat(LinkEditRights.NONE.mayEditAny()).isFalse();
    }
}
