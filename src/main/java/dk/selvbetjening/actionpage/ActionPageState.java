package dk.selvbetjening.actionpage;

import java.time.Instant;
import java.util.UUID;

/**
 * Where an action page's workflow stands: its status, the newest revision (the draft), the published one and when,
 * and the revision scheduled to go live ({@code goLiveAt}, null when none). {@code version} is for If-Match.
 */
public record ActionPageState(UUID selfServiceId, ActionPageStatus status, int latestRevision,
        Integer publishedRevision, Instant publishedAt, Integer goLiveRevision, Instant goLiveAt, String goLiveBy,
        long version) {

    public boolean hasUnpublishedDraft() {
        return publishedRevision == null || latestRevision != publishedRevision || status != ActionPageStatus.PUBLISHED;
    }
}
