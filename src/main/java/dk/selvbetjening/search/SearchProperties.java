package dk.selvbetjening.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the search.
 *
 * @param indexDirectory where the Lucene index lives on disk (also given to Hibernate Search as
 *        {@code hibernate.search.backend.directory.root}); empty in tests, which keep the index in memory
 * @param logFlushInterval how often the counted searches are written to the database
 * @param logRetention how long a counted search is kept
 * @param syncAtStartup bring the search documents up to date with the catalogue at start-up (off only for
 *        bench/search, which fills the table itself)
 * @param cacheSize how many searches' results are kept in memory ({@link SearchResultCache}); 0 turns the cache off
 */
@ConfigurationProperties(prefix = "selvbetjening.search")
public record SearchProperties(
        @DefaultValue("") String indexDirectory,
        @DefaultValue("PT5S") Duration logFlushInterval,
        @DefaultValue("P90D") Duration logRetention,
        @DefaultValue("true") boolean syncAtStartup,
        @DefaultValue("1000") int cacheSize) {
}
