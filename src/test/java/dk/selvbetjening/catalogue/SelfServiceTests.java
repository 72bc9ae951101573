package dk.selvbetjening.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SelfServiceTests {

    private static final UUID OWNER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void startsAsADraftAndCanBePublished() {
        SelfService service = new SelfService(UUID.randomUUID(),
                SelfServiceFixtures.aNationalSelfService(OWNER, "https://www.borger.dk/flyt"), NOW);
        assertThat(service.toDetails().status()).isEqualTo(SelfServiceStatus.DRAFT);
        service.publish(NOW.plusSeconds(60));
        assertThat(service.toDetails().status()).isEqualTo(SelfServiceStatus.PUBLISHED);
        assertThat(service.toDetails().updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void anArchivedSelfServiceCannotBePublishedAgain() {
        SelfService service = new SelfService(UUID.randomUUID(),
                SelfServiceFixtures.aNationalSelfService(OWNER, "https://www.borger.dk/flyt"), NOW);
        service.archive(NOW);
        assertThatThrownBy(() -> service.publish(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNationalSolutionNeedsAWebAddress() {
        NewSelfService noUrl = SelfServiceFixtures.aNationalSelfService(OWNER, "javascript:alert(1)");
        assertThatThrownBy(() -> new SelfService(UUID.randomUUID(), noUrl, NOW))
                .hasMessageContaining("absolute http(s) URL");
    }

    @Test
    void aMunicipalSolutionHasNoSingleAddress() {
        NewSelfService municipal = SelfServiceFixtures.aMunicipalSelfService(OWNER);
        NewSelfService withUrl = new NewSelfService(municipal.slug(), municipal.title(), municipal.shortDescription(),
                municipal.kind(), municipal.scope(), "https://www.kk.dk", municipal.formReturn(), OWNER, null, null,
                municipal.loginMethod(), null, null, municipal.topics(), municipal.keywords(), false);
        assertThatThrownBy(() -> new SelfService(UUID.randomUUID(), withUrl, NOW))
                .hasMessageContaining("one URL per municipality");
    }

    @Test
    void aFormSaysHowItMayBeReturnedAndOnlyAForm() {
        assertThat(new SelfService(UUID.randomUUID(), SelfServiceFixtures.aForm(OWNER, Set.of(FormReturn.POST)), NOW)
                .toDetails().formReturn()).containsExactly(FormReturn.POST);
        assertThatThrownBy(() -> new SelfService(UUID.randomUUID(), SelfServiceFixtures.aForm(OWNER, Set.of()), NOW))
                .hasMessageContaining("how it may be returned");
    }

    @Test
    void refusesAWaveOutsideOneToFourAndAMalformedKleNumber() {
        NewSelfService base = SelfServiceFixtures.aNationalSelfService(OWNER, "https://www.borger.dk/flyt");
        NewSelfService wave5 = new NewSelfService(base.slug(), base.title(), base.shortDescription(), base.kind(),
                base.scope(), base.url(), Set.of(), OWNER, null, null, base.loginMethod(), 5, null, base.topics(),
                base.keywords(), false);
        NewSelfService badKle = new NewSelfService(base.slug(), base.title(), base.shortDescription(), base.kind(),
                base.scope(), base.url(), Set.of(), OWNER, null, null, base.loginMethod(), null, "28.9", base.topics(),
                base.keywords(), false);
        assertThatThrownBy(() -> new SelfService(UUID.randomUUID(), wave5, NOW)).hasMessageContaining("wave");
        assertThatThrownBy(() -> new SelfService(UUID.randomUUID(), badKle, NOW)).hasMessageContaining("KLE");
    }

    @Test
    void kleNumbersHaveOneToThreeGroupsOfTwoDigits() {
        assertThat(KleNumber.isValid("28")).isTrue();
        assertThat(KleNumber.isValid("28.09")).isTrue();
        assertThat(KleNumber.isValid("28.09.04")).isTrue();
        assertThat(KleNumber.isValid("28.09.04.01")).isFalse();
        assertThat(KleNumber.isValid("2809")).isFalse();
    }
}
