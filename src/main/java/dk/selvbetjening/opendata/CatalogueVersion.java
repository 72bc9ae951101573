package dk.selvbetjening.opendata;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dk.selvbetjening.portal.CitizenCatalogue;
import org.springframework.stereotype.Component;

/**
 * The version of what the read APIs serve from the citizen catalogue, computed without rendering a body: the
 * snapshot's generation (it changes whenever a published self-service, action page, municipal link or authority
 * changes), prefixed by an id of this process (generations restart at 0 with the process). {@code lastModified} is
 * when this process first saw the generation in whole seconds, kept strictly increasing per generation (a second
 * generation within the same second gets the next second), so an HTTP date never names a new generation by an older
 * generation's time.
 * <p>
 * The version is read before the body is built: a change that commits in between gives a newer body under the
 * older tag, which a client only refetches once more; never an older body under a newer tag.
 */
@Component
public class CatalogueVersion {

    private final CitizenCatalogue catalogue;
    private final Clock clock;
    private final String process = Long.toString(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE, 36);
    private volatile Seen seen = new Seen(-1, Instant.EPOCH);

    CatalogueVersion(CitizenCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** One generation and the (whole-second) time this process first served it. */
    public record Seen(long generation, Instant lastModified) {
    }

    /** The current snapshot's version; the snapshot itself is built if needed. */
    public Seen current() {
        long generation = catalogue.snapshot().generation();
        Seen known = seen;
        if (known.generation() == generation) {
            return known;
        }
        synchronized (this) {
            if (seen.generation() != generation) {
                Instant rounded = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                Instant previous = seen.lastModified();
                seen = new Seen(generation, rounded.isAfter(previous) ? rounded : previous.plusSeconds(1));
            }
            return seen;
        }
    }

    /** A tag naming this process's generation; callers add what else the body depends on. */
    public String tag(Seen version) {
        return process + "-" + version.generation();
    }
}
