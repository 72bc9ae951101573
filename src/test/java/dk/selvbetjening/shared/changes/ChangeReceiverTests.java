package dk.selvbetjening.shared.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * What a node makes of the notifications it receives (the delivery itself: {@code cluster.ChangesReachEveryNodeTests}),
 * and what it sends.
 */
class ChangeReceiverTests {

    private final List<Object> published = new ArrayList<>();
    private final ChangeSignals signals = signals();
    private final ChangeReceiver receiver = new ChangeReceiver(signals, dataSource(), published::add,
            new ChangeProperties(true, Duration.ofSeconds(2), Duration.ofSeconds(1)));

    private static JdbcDataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:change-receiver-tests");
        return dataSource;
    }

    private static ChangeSignals signals() {
        return new ChangeSignals(dataSource(), new ChangeProperties(true, Duration.ofSeconds(2), Duration.ofSeconds(1)),
                new StaticListableBeanFactory().getBeanProvider(jakarta.persistence.EntityManagerFactory.class));
    }

    @Test
    void isOffOnH2() {
        assertThat(signals.active()).isFalse();
        assertThat(receiver.status().active()).isFalse();
    }

    @Test
    void anotherNodesChangeIsPublishedWithItsKindsAndIds() {
        String id = UUID.randomUUID().toString();
        receiver.received("1 other-node portal.catalogue search.document:" + id + "," + id.replace('-', '0'));

        assertThat(published).singleElement().isInstanceOfSatisfying(ChangedOnAnotherNode.class, change -> {
            assertThat(change.everything()).isFalse();
            assertThat(change.concerns("portal.catalogue")).isTrue();
            assertThat(change.allOf("portal.catalogue")).isTrue();
            assertThat(change.allOf("search.document")).isFalse();
            assertThat(change.ids("search.document")).containsExactlyInAnyOrder(id, id.replace('-', '0'));
            assertThat(change.concerns("search.synonyms")).isFalse();
        });
        assertThat(receiver.status().generation()).isEqualTo(1);
    }

    @Test
    void itsOwnChangeIsNotPublishedAgain() {
        receiver.received("1 " + signals.node() + " portal.catalogue");

        assertThat(published).isEmpty();
        assertThat(receiver.status().generation()).isEqualTo(1);
        assertThat(receiver.status().notifications()).isEqualTo(1);
    }

    @Test
    void aGenerationSkippedMeansEverythingIsRefreshed() {
        receiver.received("1 other-node portal.catalogue");
        receiver.received("3 " + signals.node() + " search.synonyms:" + UUID.randomUUID());

        assertThat(published).hasSize(2).last().isInstanceOfSatisfying(ChangedOnAnotherNode.class, change -> {
            assertThat(change.everything()).isTrue();
            assertThat(change.concerns("search.document")).isTrue();
            assertThat(change.allOf("search.document")).isTrue();
        });
        assertThat(receiver.status().generation()).isEqualTo(3);
    }

    @Test
    void aGenerationAlreadyKnownAndAPayloadNotOursAreIgnored() {
        receiver.received("2 other-node portal.catalogue");
        published.clear();

        receiver.received("2 other-node portal.catalogue");
        receiver.received("1 other-node portal.catalogue");
        receiver.received("hello");

        assertThat(published).isEmpty();
        assertThat(receiver.status().generation()).isEqualTo(2);
    }

    @Test
    void aPayloadTooLongForPostgresNamesTheKindsOnly() {
        Set<String> ids = IntStream.range(0, 300).mapToObj(i -> UUID.randomUUID().toString())
                .collect(Collectors.toSet());

        assertThat(ChangeSignals.payload(Map.of("search.document", Set.of("b", "a")), Set.of("portal.catalogue")))
                .isEqualTo("portal.catalogue search.document:a,b");
        assertThat(ChangeSignals.payload(Map.of("search.document", ids), Set.of("portal.catalogue")))
                .isEqualTo("portal.catalogue search.document");
    }
}
