package dk.selvbetjening.actionpage.web;

import dk.selvbetjening.actionpage.ActionPageState;
import dk.selvbetjening.actionpage.ActionPageStatus;
import dk.selvbetjening.shared.DanishTime;

/**
 * Where the page stands, ready to print: status, newest revision, the published revision and when, and the revision
 * scheduled to go live, when and by whom (times in Danish time).
 */
public record StateView(ActionPageStatus status, int latestRevision, Integer publishedRevision, String publishedAt,
        Integer goLiveRevision, String goLiveAt, String goLiveBy, boolean unpublishedDraft) {

    static StateView of(ActionPageState state) {
        if (state == null) {
            return new StateView(ActionPageStatus.DRAFT, 0, null, null, null, null, null, true);
        }
        return new StateView(state.status(), state.latestRevision(), state.publishedRevision(),
                DanishTime.dateTime(state.publishedAt()), state.goLiveRevision(), DanishTime.dateTime(state.goLiveAt()),
                state.goLiveBy(), state.hasUnpublishedDraft());
    }

    public boolean archived() {
        return status == ActionPageStatus.ARCHIVED;
    }

    public boolean published() {
        return status == ActionPageStatus.PUBLISHED;
    }

    public boolean scheduled() {
        return goLiveRevision != null;
    }

    /** Saved after the scheduled revision: those changes do not go live with the schedule. */
    public boolean savedSinceSchedule() {
        return goLiveRevision != null && latestRevision > goLiveRevision;
    }
}
