package dk.selvbetjening.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * Append-only: no method changes an entry once written. A new entry says it is new ({@link Persistable}), so saving
 * it is a plain insert: with its id assigned beforehand, the repository would otherwise merge it and first look for
 * it with a SELECT — one round trip per entry, thousands for a large import.
 */
@Entity
@Table(name = "audit_entry")
class AuditEntry implements Persistable<UUID> {

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

    /** The action's message arguments, separated by {@link #SEPARATOR}; null when it has none. */
    @Column(name = "action_arguments")
    private String actionArguments;

    static final String SEPARATOR = "\u001F";

    @Transient
    private boolean isNew = true;

    protected AuditEntry() {
    }

    AuditEntry(UUID id, Instant occurredAt, String actor, String subjectType, String subjectId, String action,
            String details, Object... actionArguments) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.action = action;
        this.details = details == null || details.length() <= DETAILS_MAX ? details
                : details.substring(0, DETAILS_MAX - 1) + "…";
        this.actionArguments = actionArguments.length == 0 ? null : String.join(SEPARATOR,
                java.util.Arrays.stream(actionArguments).map(String::valueOf).toList());
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }

    Object[] actionArguments() {
        return actionArguments == null ? new Object[0] : actionArguments.split(SEPARATOR, -1);
    }

    /** The entry with its action in words: {@code actionText} turns the stored key and arguments into text. */
    AuditEntrySummary toSummary(java.util.function.BiFunction<String, Object[], String> actionText) {
        return new AuditEntrySummary(occurredAt, actor, subjectType, subjectId,
                actionText.apply(action, actionArguments()), details);
    }
}
