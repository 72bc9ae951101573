package dk.selvbetjening.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.selvbetjening.SelvbetjeningApplication;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.linkcheck.LinkOutcome;
import dk.selvbetjening.linkcheck.LinkProblem;
import dk.selvbetjening.linkcheck.UrlChecked;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.ModuleListeners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events between modules survive what stops a listener half-way, on H2 and on PostgreSQL: the link checker's verdict
 * ({@link UrlChecked}) is committed with its event publication, link health's listener fails once (as when the
 * database goes away or the process dies before the listener's transaction commits), the publication stays in the
 * registry, and the next start of the application delivers the event again, so the municipal link is marked broken
 * after all and nothing is left outstanding.
 */
abstract class EventRestartContract {

    private static final String LISTENER = "linkhealth.mark-municipal-links-checked";

    @MockitoSpyBean
    MunicipalLinkService links;

    @Autowired
    PortalTestData data;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ModuleListeners listeners;

    @Autowired
    JdbcClient jdbc;

    /** Command-line arguments that point a second application at this test's database. */
    abstract List<String> sameDatabase();

    @Test
    void aListenerThatDidNotFinishGetsTheEventAgainWhenTheApplicationStarts() {
        String url = "https://genstart.example.dk/" + UUID.randomUUID();
        SelfServiceDetails service = data.publishedMunicipal(Map.of(751, url));
        listeners.awaitAll();
        doThrow(new TransientDataAccessResourceException("The database went away"))
                .when(links).markChecked(eq(url), anyBoolean(), any());

        Instant checkedAt = Instant.parse("2026-05-04T08:00:00Z");
        transactions.executeWithoutResult(status -> events.publishEvent(
                new UrlChecked(url, LinkOutcome.BROKEN, null, LinkProblem.NOT_FOUND, 404, 1, checkedAt)));

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status()));
        assertThat(broken(service)).isFalse();

        String[] arguments = java.util.stream.Stream.concat(sameDatabase().stream(),
                java.util.stream.Stream.of("--server.port=0")).toArray(String[]::new);
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(SelvbetjeningApplication.class)
                .run(arguments)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> status() == null);
            assertThat(broken(service)).isTrue();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single()).isZero();
        }
    }

    private String status() {
        return jdbc.sql("SELECT status FROM event_publication WHERE listener_id = :listener")
                .param("listener", LISTENER).query(String.class).optional().orElse(null);
    }

    private boolean broken(SelfServiceDetails service) {
        return jdbc.sql("SELECT broken FROM municipal_link WHERE self_service_id = :id AND municipality_code = 751")
                .param("id", service.id()).query(Boolean.class).single();
    }
}
