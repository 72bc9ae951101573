package dk.selvbetjening.opendata;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the change feed. {@code cursor} increases with every entry and is what a harvester passes back as
 * {@code since}; {@code municipalityCodes} names the municipalities of a LINKS_CHANGED entry (empty otherwise).
 */
public record FeedChange(long cursor, Instant occurredAt, ChangeType type, UUID selfServiceId, String slug,
        List<Integer> municipalityCodes) {

    public FeedChange {
        municipalityCodes = List.copyOf(municipalityCodes);
    }
}
