package dk.selvbetjening.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dk.selvbetjening.catalogue.SelfServiceScope;
import org.junit.jupiter.api.Test;

/** The workflow's state machine. */
class ConnectionRequestTests {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static ValidSubmission submission(String title) {
        return new ValidSubmission(ConnectionRequestKind.NEW, null, title, "https://x.dk/a", "https://x.dk/a",
                "Kort", "Leverandør A/S", "support@lev.dk", null, null, null, null, Set.of(), SelfServiceScope.NATIONAL,
                new TreeMap<>(), List.of(), null, Submission.NO_ACTION_PAGE);
    }

    private static ConnectionRequest aRequest() {
        return new ConnectionRequest(UUID.randomUUID(), "TS-2026-000001", submission("Søg om noget"), null, null, NOW);
    }

    @Test
    void goesFromSubmittedThroughReviewAndChangesToApproved() {
        ConnectionRequest request = aRequest();
        assertThat(request.status()).isEqualTo(ConnectionRequestStatus.SUBMITTED);
        request.take(NOW);
        assertThat(request.status()).isEqualTo(ConnectionRequestStatus.IN_REVIEW);
        request.requestChanges(NOW);
        assertThat(request.status()).isEqualTo(ConnectionRequestStatus.CHANGES_REQUESTED);
        request.resubmit(submission("Søg om noget andet"), NOW);
        assertThat(request.status()).isEqualTo(ConnectionRequestStatus.IN_REVIEW);
        assertThat(request.title()).isEqualTo("Søg om noget andet");
        UUID service = UUID.randomUUID();
        request.approve(service, NOW);
        assertThat(request.status()).isEqualTo(ConnectionRequestStatus.APPROVED);
        assertThat(request.createdServiceId()).isEqualTo(service);
    }

    @Test
    void canBeRejectedOnlyInReview() {
        ConnectionRequest request = aRequest();
        assertThatThrownBy(() -> request.reject(NOW)).isInstanceOf(ConnectionRequest.TransitionRefused.class);
        request.take(NOW);
        request.reject(NOW);
        assertThat(request.status()).isEqualTo(ConnectionRequestStatus.REJECTED);
    }

    @Test
    void refusesEveryTransitionItsStatusDoesNotAllow() {
        ConnectionRequest submitted = aRequest();
        assertThatThrownBy(() -> submitted.approve(UUID.randomUUID(), NOW))
                .isInstanceOf(ConnectionRequest.TransitionRefused.class)
                .hasMessageContaining("connection.transition.approve");
        assertThatThrownBy(() -> submitted.requestChanges(NOW)).isInstanceOf(ConnectionRequest.TransitionRefused.class);
        assertThatThrownBy(() -> submitted.resubmit(submission("x"), NOW))
                .isInstanceOf(ConnectionRequest.TransitionRefused.class);

        ConnectionRequest approved = aRequest();
        approved.take(NOW);
        approved.approve(UUID.randomUUID(), NOW);
        assertThatThrownBy(() -> approved.take(NOW)).isInstanceOf(ConnectionRequest.TransitionRefused.class);
        assertThatThrownBy(() -> approved.reject(NOW)).isInstanceOf(ConnectionRequest.TransitionRefused.class);
        assertThatThrownBy(() -> approved.approve(UUID.randomUUID(), NOW))
                .isInstanceOf(ConnectionRequest.TransitionRefused.class);
    }

    @Test
    void isClosedWhenRejectedOrPublishedAndCountsTheLinksLifetimeFromThen() {
        Duration lifetime = Duration.ofDays(180);
        ConnectionRequest rejected = aRequest();
        rejected.take(NOW);
        assertThat(rejected.closedLongerThan(Duration.ofNanos(1), NOW.plus(Duration.ofDays(9999)))).isFalse();
        rejected.reject(NOW);
        assertThat(rejected.closedLongerThan(lifetime, NOW.plus(lifetime).minusSeconds(1))).isFalse();
        assertThat(rejected.closedLongerThan(lifetime, NOW.plus(lifetime))).isTrue();

        ConnectionRequest published = aRequest();
        published.take(NOW);
        published.approve(UUID.randomUUID(), NOW);
        assertThat(published.closedLongerThan(Duration.ofNanos(1), NOW.plus(Duration.ofDays(9999)))).isFalse();
        Instant live = NOW.plus(Duration.ofDays(3));
        published.published(live);
        assertThat(published.closedLongerThan(lifetime, live.plus(lifetime).minusSeconds(1))).isFalse();
        assertThat(published.closedLongerThan(lifetime, live.plus(lifetime))).isTrue();
    }

    @Test
    void answersItsIdempotencyKeyOnlyForTheBodyItWasFirstSentWith() {
        ConnectionRequest request = new ConnectionRequest(UUID.randomUUID(), "TS-2026-000002",
                submission("Søg om noget"), "key", "ab12", NOW);
        assertThat(request.sentWithBody("ab12")).isTrue();
        assertThat(request.sentWithBody("ab13")).isFalse();
        assertThat(request.sentWithBody(null)).isFalse();
        assertThat(aRequest().sentWithBody("ab12")).as("no key, no hash").isFalse();
    }

    @Test
    void knowsWhichStatusesAreOpen() {
        assertThat(ConnectionRequestStatus.open()).containsExactlyInAnyOrder(ConnectionRequestStatus.SUBMITTED,
                ConnectionRequestStatus.IN_REVIEW, ConnectionRequestStatus.CHANGES_REQUESTED);
        assertThat(ConnectionRequestStatus.APPROVED.isOpen()).isFalse();
    }
}
