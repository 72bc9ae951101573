package dk.selvbetjening.municipallink;

import java.util.List;
import java.util.UUID;

import dk.selvbetjening.catalogue.ServiceUrl;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills in the normalized URL (V79) of links a node of the previous release wrote during a rolling upgrade: it writes
 * the URL without it, which is why V79 adds no constraint tying the two together (docs/operations.md, "Upgrading").
 * Runs at start-up and then every 10 minutes, on one node at a time; a row whose URL changed meanwhile is left for
 * the next run.
 */
@Component
class NormalizedUrlCatchUp {

    private final JdbcClient jdbc;

    NormalizedUrlCatchUp(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Missing(UUID id, String url) {
    }

    @Scheduled(fixedDelayString = "${selvbetjening.municipallink.normalized-url-catch-up-interval:PT10M}")
    @SchedulerLock(name = "municipallink.normalized-url-catch-up", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    @Transactional
    public void fillIn() {
        List<Missing> missing = jdbc.sql("SELECT id, url FROM municipal_link "
                        + "WHERE url IS NOT NULL AND normalized_url IS NULL")
                .query((rs, n) -> new Missing(rs.getObject(1, UUID.class), rs.getString(2))).list();
        for (Missing link : missing) {
            jdbc.sql("UPDATE municipal_link SET normalized_url = ? WHERE id = ? AND url = ? "
                            + "AND normalized_url IS NULL")
                    .params(ServiceUrl.normalize(link.url()), link.id(), link.url()).update();
        }
    }
}
