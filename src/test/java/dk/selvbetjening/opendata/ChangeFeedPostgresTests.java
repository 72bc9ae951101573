package dk.selvbetjening.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The change feed's promise on a real PostgreSQL server: while several writers change self-services at once (each
 * change recorded both by the event listeners and by the writer itself, so records race), a poller that pages through
 * the feed with the cursor it was given sees every entry exactly once and in order — the entries it read are exactly
 * the feed's, with no gap left behind by a transaction that committed late.
 */
@SpringBootTest
@Import(EmbeddedPostgresConfiguration.class)
class ChangeFeedPostgresTests {

    private static final int SERVICES = 6;
    private static final int ROUNDS = 5;

    @Autowired
    PortalTestData data;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    ChangeFeed feed;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPollerMissesAndRepeatsNothingWhileWritersCommitConcurrently() throws Exception {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        long start = feed.latest().cursor();
        var owner = data.stateAuthority();
        List<UUID> services = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            services.add(data.publish(SelfServiceFixtures.aVoluntarySelfService(owner.id(),
                    "https://samtidig-" + i + ".example.dk/"), Map.of()).id());
        }
        // the PUBLISHED entries are the listeners' (after each commit): a writer whose first unpublish is recorded
        // before its service's listener ran finds a service the feed never said was public, and writes no entry for
        // either change
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM opendata_change "
                + "WHERE seq > :start AND change_type = 'PUBLISHED' AND self_service_id IN (:services)")
                .param("start", start).param("services", services).query(Long.class).single() == SERVICES);

        ExecutorService pool = Executors.newFixedThreadPool(SERVICES + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<FeedChange> seen = Collections.synchronizedList(new ArrayList<>());
        Future<?> poller = pool.submit(() -> {
            long cursor = start;
            boolean last = false;
            while (true) {
                boolean finalRound = !writing.get();
                FeedPage page = feed.after(cursor, 3);
                seen.addAll(page.changes());
                cursor = page.nextCursor();
                if (finalRound && page.changes().isEmpty()) {
                    if (last) {
                        return null;
                    }
                    last = true;
                }
            }
        });
        List<Future<?>> writers = new ArrayList<>();
        for (UUID service : services) {
            writers.add(pool.submit(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    int r = round;
                    SystemPrincipal.run(() -> {
                        actionPages.unpublish(service);
                        feed.record(service, null);
                        actionPages.write(service, PortalTestData.anActionPage("Runde " + r));
                        feed.record(service, null);
                    });
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        int expected = SERVICES + SERVICES * ROUNDS * 2;
        await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.sql(
                "SELECT count(*) FROM opendata_change WHERE seq > ?").param(start).query(Long.class).single()
                >= expected);
        writing.set(false);
        poller.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        List<Long> all = jdbc.sql("SELECT seq FROM opendata_change WHERE seq > ? ORDER BY seq").param(start)
                .query(Long.class).list();
        assertThat(all).hasSize(expected);
        assertThat(seen).extracting(FeedChange::cursor).containsExactlyElementsOf(all);
        for (UUID service : services) {
            List<ChangeType> types = seen.stream().filter(c -> c.selfServiceId().equals(service))
                    .map(FeedChange::type).toList();
            List<ChangeType> alternating = new ArrayList<>(List.of(ChangeType.PUBLISHED));
            for (int round = 0; round < ROUNDS; round++) {
                alternating.add(ChangeType.UNPUBLISHED);
                alternating.add(ChangeType.PUBLISHED);
            }
            assertThat(types).as(service.toString()).containsExactlyElementsOf(alternating);
        }
    }
}
