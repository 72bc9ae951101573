package dk.selvbetjening.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Append-only: no method changes an entry once written. */
@Entity
@Table(name = "audit_entry")
class AuditEntry {

    static final int DETAILS_MAX = 4000;

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(name = "subject_type", nullable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false)
    private String subjectId;

    @Column(nullable = false)
    private String action;

    private String details;

    protected AuditEntry() {
    }

    AuditEntry(UUID id, Instant occurredAt, String actor, String subjectType, String subjectId, String action,
            String details) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.action = action;
        this.details = details == null || details.length() <= DETAILS_MAX ? details
                : details.substring(0, DETAILS_MAX - 1) + "…";
    }

    AuditEntrySummary toSummary() {
        return new AuditEntrySummary(occurredAt, actor, subjectType, subjectId, action, details);
    }
}
