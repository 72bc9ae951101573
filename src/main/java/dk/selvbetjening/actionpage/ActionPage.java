package dk.selvbetjening.actionpage;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The action page of one self-service: which of its {@link ActionPageRevision revisions} is the draft (the newest),
 * which one citizens see, and which one is scheduled to go live when. The text itself lives in the revisions.
 */
@Entity
@Table(name = "action_page")
class ActionPage {

    @Id
    @Column(name = "self_service_id")
    private UUID selfServiceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActionPageStatus status;

    @Column(name = "latest_revision", nullable = false)
    private int latestRevision;

    @Column(name = "published_revision")
    private Integer publishedRevision;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "go_live_revision")
    private Integer goLiveRevision;

    @Column(name = "go_live_at")
    private Instant goLiveAt;

    @Column(name = "go_live_by")
    private String goLiveBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ActionPage() {
    }

    ActionPage(UUID selfServiceId, Instant now) {
        this.selfServiceId = selfServiceId;
        this.status = ActionPageStatus.DRAFT;
        this.latestRevision = 0;
        this.updatedAt = now;
    }

    UUID selfServiceId() {
        return selfServiceId;
    }

    ActionPageStatus status() {
        return status;
    }

    int latestRevision() {
        return latestRevision;
    }

    Integer publishedRevision() {
        return publishedRevision;
    }

    Integer goLiveRevision() {
        return goLiveRevision;
    }

    Instant goLiveAt() {
        return goLiveAt;
    }

    /** The number the next saved revision gets; refused once archived. */
    int nextRevision(Instant now) {
        requireNotArchived();
        latestRevision++;
        updatedAt = now;
        return latestRevision;
    }

    /** Whether the newest revision is not the one citizens see. */
    boolean hasUnpublishedDraft() {
        return toState().hasUnpublishedDraft();
    }

    void publish(int revision, Instant now) {
        requireNotArchived();
        this.publishedRevision = revision;
        this.publishedAt = now;
        this.status = ActionPageStatus.PUBLISHED;
        if (goLiveRevision != null && goLiveRevision <= revision) {
            cancelSchedule();
        }
        this.updatedAt = now;
    }

    void schedule(int revision, Instant at, String by, Instant now) {
        requireNotArchived();
        this.goLiveRevision = revision;
        this.goLiveAt = at;
        this.goLiveBy = by;
        this.updatedAt = now;
    }

    void cancelSchedule() {
        this.goLiveRevision = null;
        this.goLiveAt = null;
        this.goLiveBy = null;
    }

    void unpublish(Instant now) {
        if (status != ActionPageStatus.PUBLISHED) {
            throw new IllegalStateException("only a published page can be unpublished");
        }
        this.status = ActionPageStatus.UNPUBLISHED;
        cancelSchedule();
        this.updatedAt = now;
    }

    void archive(Instant now) {
        requireNotArchived();
        this.status = ActionPageStatus.ARCHIVED;
        cancelSchedule();
        this.updatedAt = now;
    }

    ActionPageState toState() {
        return new ActionPageState(selfServiceId, status, latestRevision, publishedRevision, publishedAt,
                goLiveRevision, goLiveAt, goLiveBy, version);
    }

    Instant publishedAt() {
        return publishedAt;
    }

    private void requireNotArchived() {
        if (status == ActionPageStatus.ARCHIVED) {
            throw new IllegalStateException("an archived page cannot change");
        }
    }
}
