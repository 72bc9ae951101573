package dk.selvbetjening.compliance.requirement;

import java.time.Instant;

/** One version of the requirement catalogue: when, by whom and what changed. */
public record CatalogueVersionSummary(int version, Instant changedAt, String changedBy, String changeSummary) {
}
