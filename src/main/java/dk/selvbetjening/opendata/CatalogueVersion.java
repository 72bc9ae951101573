package dk.selvbetjening.opendata;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dk.selvbetjening.portal.CitizenCatalogue;
import org.springframework.stereotype.Component;

/**
 * The version of what the read APIs serve from the citizen catalogue, computed without rendering a body.
 * <p>
 * Where changes are shared between nodes (PostgreSQL, ADR 0019), every node names the same data by the same version
 * (ADR 0031): the tag is this release's id ({@link ReleaseId}), the catalogue's shared generation (the database's
 * generation of the newest committed change that made the catalogue stale, read before the snapshot's content) and the
 * last planned-downtime moment the snapshot had passed; {@code lastModified} is the later of when that change was and
 * that moment, whole seconds. Start counts ("most used", on no read API) move neither.
 * <p>
 * On one node (H2) the tag is the snapshot's generation, prefixed by an id of this process (generations restart at 0
 * with the process); {@code lastModified} is when this process first saw the generation in whole seconds, kept
 * strictly increasing per generation, so an HTTP date never names a new generation by an older generation's time.
 * <p>
 * The version is read before the body is built: a change that commits in between gives a newer body under the
 * older tag, which a client only refetches once more; never an older body under a newer tag.
 */
@Component
public class CatalogueVersion {

    private final CitizenCatalogue catalogue;
    private final Clock clock;
    private final String process = Long.toString(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE, 36);
    private final String release = ReleaseId.of(CatalogueVersion.class);
    private volatile Seen seen = new Seen(-1, Instant.EPOCH, null);
    private volatile Shared lastShared;

    CatalogueVersion(CitizenCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** One version of the catalogue and its (whole-second) time. */
    public record Seen(long generation, Instant lastModified, String tag) {
    }

    /** The current snapshot's version; the snapshot itself is built if needed. */
    public Seen current() {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        if (snapshot.sharedVersion().isPresent()) {
            return shared(snapshot.sharedVersion().get());
        }
        long generation = snapshot.generation();
        Seen known = seen;
        if (known.generation() == generation) {
            return known;
        }
        synchronized (this) {
            if (seen.generation() != generation) {
                Instant rounded = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                Instant previous = seen.lastModified();
                seen = new Seen(generation, rounded.isAfter(previous) ? rounded : previous.plusSeconds(1),
                        process + "-" + generation);
            }
            return seen;
        }
    }

    private Seen shared(CitizenCatalogue.SharedVersion version) {
        Shared known = lastShared;
        if (known != null && known.version() == version) {
            return known.seen();
        }
        Seen seen = seen(version);
        lastShared = new Shared(version, seen);
        return seen;
    }

    private record Shared(CitizenCatalogue.SharedVersion version, Seen seen) {
    }

    private Seen seen(CitizenCatalogue.SharedVersion version) {
        Instant moment = version.downtimeMoment();
        Instant lastModified = version.changedAt();
        String tag = release + "-" + version.generation();
        if (moment != null) {
            // the moment's second, rounded up: the body changed after it
            Instant up = moment.truncatedTo(ChronoUnit.SECONDS).equals(moment) ? moment
                    : moment.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            lastModified = up.isAfter(lastModified) ? up : lastModified;
            tag = tag + "-" + moment.getEpochSecond();
        }
        return new Seen(version.generation(), lastModified, tag);
    }

    /** The tag naming the version; callers add what else the body depends on. */
    public String tag(Seen version) {
        return version.tag();
    }
}
