package dk.selvbetjening.search;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What citizens searched for over the kept period: the most frequent queries, those without results or opened results. */
@Service
@Transactional(readOnly = true)
public class SearchInsights {

    private static final int ROWS = 50;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SearchProperties properties;
    private final SearchLog log;

    SearchInsights(JdbcClient jdbc, Clock clock, SearchProperties properties, SearchLog log) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.log = log;
    }

    /**
     * A normalised query: how often it was searched, its results the last time, and how many of its searches opened
     * a result.
     */
    public record QueryCount(String query, long searches, long results, long opened) {
    }

    /** How many days the counts cover. */
    public long days() {
        return properties.logRetention().toDays();
    }

    public List<QueryCount> mostFrequent() {
        return counts("", "ORDER BY searches DESC, query");
    }

    public List<QueryCount> withoutResults() {
        return counts("HAVING MAX(result_count) = 0", "ORDER BY searches DESC, query");
    }

    public List<QueryCount> nobodyOpened() {
        return counts("HAVING MAX(result_count) > 0 AND COUNT(opened_slug) = 0", "ORDER BY searches DESC, query");
    }

    /** Writes the searches counted in memory now (the page shows them at once). */
    @Transactional
    public void flush() {
        log.flush();
    }

    private List<QueryCount> counts(String having, String order) {
        return jdbc.sql("SELECT query, COUNT(*) AS searches, MAX(result_count) AS results, COUNT(opened_slug) AS opened "
                        + "FROM search_query WHERE searched_at >= :since GROUP BY query " + having + " " + order
                        + " LIMIT " + ROWS)
                .param("since", java.sql.Timestamp.from(clock.instant().minus(properties.logRetention())))
                .query((rs, row) -> new QueryCount(rs.getString("query"), rs.getLong("searches"),
                        rs.getLong("results"), rs.getLong("opened")))
                .list();
    }
}
