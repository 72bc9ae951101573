package dk.selvbetjening.actionpage.web;

import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.ActionPageState;
import dk.selvbetjening.actionpage.ActionPageStatus;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceStatus;

/**
 * What citizens see of a self-service and its action page, and the editor's next step, told together: the action
 * page may be published while its self-service is a draft, and then citizens see nothing. {@code statusKey} and
 * {@code nextKey} are message keys taking the published and the newest revision as arguments; {@code editor}: the
 * account publishes self-services too (not an authority's editor).
 */
public record PublishingView(String statusKey, String nextKey, Integer publishedRevision, int latestRevision,
        boolean citizensSee, boolean somethingToPublish, boolean publishAllowed, boolean changesWaiting,
        boolean editor) {

    static PublishingView of(SelfServiceDetails service, ActionPageState state, boolean pendingChanges) {
        boolean editor = ActionPageService.mayPublishServices();
        ActionPageStatus page = state == null ? ActionPageStatus.DRAFT : state.status();
        int latest = state == null ? 0 : state.latestRevision();
        Integer published = state == null ? null : state.publishedRevision();
        boolean pagePublished = page == ActionPageStatus.PUBLISHED;
        if (service.status() == SelfServiceStatus.ARCHIVED) {
            return new PublishingView("backoffice.publish.status.serviceArchived", null, published, latest,
                    false, false, false, false, editor);
        }
        if (page == ActionPageStatus.ARCHIVED) {
            return new PublishingView("backoffice.publish.status.pageArchived", null, published, latest,
                    false, false, false, false, editor);
        }
        if (service.status() == SelfServiceStatus.DRAFT) {
            String next = latest == 0 ? "backoffice.publish.next.write"
                    : editor ? "backoffice.publish.next.publishTogether" : "backoffice.publish.next.askEditor";
            return new PublishingView("backoffice.publish.status.serviceDraft", next, published, latest, false,
                    latest > 0 && editor, editor, false, editor);
        }
        boolean changesWaiting = pendingChanges;
        if (!pagePublished) {
            return new PublishingView("backoffice.publish.status.pageNotPublished",
                    latest == 0 ? "backoffice.publish.next.write" : "backoffice.publish.next.publish", published,
                    latest, true, latest > 0, true, changesWaiting, editor);
        }
        boolean newer = published != null && latest != published;
        boolean something = newer || (changesWaiting && editor);
        return new PublishingView(newer ? "backoffice.publish.status.newerDraft" : "backoffice.publish.status.live",
                something ? "backoffice.publish.next.publish" : "backoffice.publish.next.nothing", published, latest,
                true, something, true, changesWaiting, editor);
    }
}
