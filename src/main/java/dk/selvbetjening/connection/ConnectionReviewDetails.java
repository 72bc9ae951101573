package dk.selvbetjening.connection;

import java.util.List;

import dk.selvbetjening.audit.AuditEntrySummary;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.compliance.AssessmentDetails;
import dk.selvbetjening.linkcheck.LinkCheckResult;

/**
 * Everything the review page shows about one request, read at once.
 *
 * @param request the request, with the duplicates that name other requests when the reader is an editor
 * @param editor whether the reader is an editor (who acts), not an authority editor (who reads)
 * @param names names for the request's ids and codes
 * @param comparison for an EXISTING request, the published service beside the proposal; else null
 * @param history the request's audit entries, oldest first
 * @param published the self-service citizens see since the request was published; else null
 * @param linkCheck the latest check of the request's URL; null when it has none or was never checked
 * @param loginWarning the login rule's warning in Danish (a public authority with a MitID broker); else null
 * @param authorityByCvr for a request whose CVR number named no registered authority: the one registered with it
 *     since; else null
 * @param assessment the requirements assessment of the mandatory solution the request made or changes, when the
 *     reader may see it; else null
 * @param approvedService the self-service an approved request made or changes, while citizens do not see the
 *     approved content yet (its draft is edited in the action page editor); else null
 */
public record ConnectionReviewDetails(ConnectionRequestDetails request, boolean editor, ConnectionRequestNames names,
        ExistingServiceComparison comparison, List<AuditEntrySummary> history, SelfServiceDetails published,
        LinkCheckResult linkCheck, String loginWarning, AuthorityDetails authorityByCvr,
        AssessmentDetails assessment, SelfServiceDetails approvedService) {
}
