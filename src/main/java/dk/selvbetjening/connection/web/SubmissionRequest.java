package dk.selvbetjening.connection.web;

import java.util.List;

import dk.selvbetjening.connection.ActionPageText;
import dk.selvbetjening.connection.Submission;

/** The body of {@code POST /api/v1/connection-requests}. {@code authority} is the authority's CVR number. */
record SubmissionRequest(String kind, String existingServiceId, String title, String url, String shortDescription,
        String supplierName, String supplierEmail, String authority, String loginMethod, String serviceKind,
        List<String> topics, String plannedGoLive, ActionPageRequest actionPage) {

    /** The action page fields, named as in every API. */
    record ActionPageRequest(String title, String intro, List<String> beforeYouStart, String startLabel,
            String continuesOn, String alternatives, String afterwards, String moreInformation) {
    }

    Submission toSubmission() {
        ActionPageText text = actionPage == null ? null : new ActionPageText(actionPage.title(), actionPage.intro(),
                actionPage.beforeYouStart(), actionPage.startLabel(), actionPage.continuesOn(),
                actionPage.alternatives(), actionPage.afterwards(), actionPage.moreInformation());
        return new Submission(kind, existingServiceId, title, url, shortDescription, supplierName, supplierEmail,
                authority, loginMethod, serviceKind, topics, plannedGoLive, text);
    }
}
