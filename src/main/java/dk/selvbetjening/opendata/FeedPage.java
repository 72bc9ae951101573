package dk.selvbetjening.opendata;

import java.time.Instant;
import java.util.List;

/**
 * A page of the change feed after a cursor. {@code nextCursor} is what to pass as {@code since} next time (the last
 * entry's cursor, or the cursor asked with when there was nothing new); {@code hasMore}: more entries wait now.
 * {@code latestCursor} and {@code latestAt} are the newest entry of the whole feed (0 and null when empty).
 */
public record FeedPage(List<FeedChange> changes, long nextCursor, boolean hasMore, long latestCursor,
        Instant latestAt) {

    public FeedPage {
        changes = List.copyOf(changes);
    }
}
