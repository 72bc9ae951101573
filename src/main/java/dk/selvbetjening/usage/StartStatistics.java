package dk.selvbetjening.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many citizens pressed Start, per self-service and municipality ({@link StartCounter#NATIONAL} for a national
 * solution), as written by {@link StartCounter}.
 */
@Service
@Transactional(readOnly = true)
public class StartStatistics {

    private final JdbcClient jdbc;
    private final Clock clock;

    StartStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One self-service in one municipality (0: national). */
    public record StartKey(UUID selfServiceId, int municipalityCode) {
    }

    /** Starts written over the last {@code days} days (the last minute's starts are still in memory). */
    public Map<StartKey, Long> startsSince(int days) {
        Map<StartKey, Long> result = new HashMap<>();
        jdbc.sql("SELECT self_service_id, municipality_code, SUM(starts) AS total FROM start_count "
                        + "WHERE start_date >= :since GROUP BY self_service_id, municipality_code")
                .param("since", LocalDate.now(clock).minusDays(days))
                .query((rs, row) -> result.put(new StartKey(rs.getObject("self_service_id", UUID.class),
                        rs.getInt("municipality_code")), rs.getLong("total")))
                .list();
        return result;
    }

    /** Starts per self-service, all municipalities together, over the last {@code days} days. */
    public Map<UUID, Long> startsPerServiceSince(int days) {
        Map<UUID, Long> result = new HashMap<>();
        jdbc.sql("SELECT self_service_id, SUM(starts) AS total FROM start_count WHERE start_date >= :since "
                        + "GROUP BY self_service_id")
                .param("since", LocalDate.now(clock).minusDays(days))
                .query((rs, row) -> result.put(rs.getObject("self_service_id", UUID.class), rs.getLong("total")))
                .list();
        return result;
    }
}
