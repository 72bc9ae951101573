package dk.selvbetjening.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A synonym group as editors see it. */
public record SynonymGroupSummary(UUID id, List<String> terms, long version, Instant updatedAt) {

    public String text() {
        return String.join(", ", terms);
    }
}
