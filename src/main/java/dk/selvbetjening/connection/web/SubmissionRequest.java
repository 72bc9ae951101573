package dk.selvbetjening.connection.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.connection.Submission;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/connection-requests}. {@code authority} is the authority's CVR number.
 * {@code serviceKind}: ONLINE (default), FORM or PORTAL; a FORM names in {@code formReturn} how it may be returned
 * (DIGITAL_SIGNED, POST). {@code scope}: NATIONAL (default; {@code url} required) or MUNICIPAL (no {@code url};
 * {@code municipalLinks} maps the municipality codes the submitter knows to their URLs, the municipalities add the
 * rest). {@code actionPage}: the proposed action page, with the element names every API uses.
 */
record SubmissionRequest(String kind, String existingServiceId, String title, String url, String shortDescription,
        String supplierName, String supplierEmail, String authority, String loginMethod, String serviceKind,
        List<String> formReturn, String scope,
        @Schema(description = "Municipality code (\"101\") → URL, for a MUNICIPAL request")
        Map<String, String> municipalLinks,
        List<String> topics, String plannedGoLive, ActionPageRequest actionPage) {

    /** The action page's elements, named as in every API; empty ones may be left out. */
    @Schema(name = "ConnectionActionPage")
    record ActionPageRequest(String title, String intro, List<String> beforeYouStart, String startLabel,
            String continuesOn, String alternatives, String afterwards, String moreInformation, String rules,
            String fees, String deadlines, DowntimeRequest plannedDowntime) {
    }

    /** A period the self-service will be closed (until after from) and the message citizens see: all three, or none. */
    @Schema(name = "ConnectionPlannedDowntime")
    record DowntimeRequest(Instant from, Instant until, String message) {
    }

    Submission toSubmission() {
        Map<String, String> inputProblems = new LinkedHashMap<>();
        ActionPageContent content = null;
        if (actionPage != null) {
            content = new ActionPageContent(actionPage.title(), actionPage.intro(),
                    actionPage.beforeYouStart() == null ? List.of()
                            : actionPage.beforeYouStart().stream().filter(item -> item != null).toList(),
                    actionPage.startLabel(), actionPage.continuesOn(), actionPage.alternatives(),
                    actionPage.afterwards(), actionPage.moreInformation(), actionPage.rules(), actionPage.fees(),
                    actionPage.deadlines(), downtime(actionPage.plannedDowntime(), inputProblems));
        }
        return new Submission(kind, existingServiceId, title, url, shortDescription, supplierName, supplierEmail,
                authority, loginMethod, serviceKind, formReturn, scope, municipalLinks, topics, plannedGoLive, content,
                inputProblems);
    }

    private static PlannedDowntime downtime(DowntimeRequest given, Map<String, String> inputProblems) {
        if (given == null || (given.from() == null && given.until() == null
                && (given.message() == null || given.message().isBlank()))) {
            return null;
        }
        try {
            return new PlannedDowntime(given.from(), given.until(), given.message());
        } catch (IllegalArgumentException e) {
            inputProblems.put("actionPage.plannedDowntime", "connection.error.plannedDowntime");
            return null;
        }
    }
}
