package dk.selvbetjening.audit;

import java.time.Instant;

/** One recorded change. */
public record AuditEntrySummary(Instant occurredAt, String actor, String subjectType, String subjectId, String action,
        String details) {
}
