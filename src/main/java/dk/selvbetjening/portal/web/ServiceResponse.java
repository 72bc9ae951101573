package dk.selvbetjening.portal.web;

import java.util.List;
import java.util.UUID;

import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceScope;

/** A published self-service with its action page, as {@code GET /api/v1/services/{slug}} answers. */
record ServiceResponse(
        UUID id,
        String slug,
        String title,
        String shortDescription,
        SelfServiceKind kind,
        SelfServiceScope scope,
        LoginMethod loginMethod,
        Integer mandatoryWave,
        List<String> topics,
        List<FormReturn> formReturn,
        AuthorityResponse authority,
        String actionPageUrl,
        String startUrl,
        ActionPageResponse actionPage) {

    /**
     * The responsible authority: for a municipal solution with a municipality given, that municipality ({@code id}
     * and {@code cvrNumber} null when it has no authority record); otherwise the owner.
     */
    record AuthorityResponse(UUID id, String name, String type, String cvrNumber, Integer municipalityCode,
            String homepageUrl, String contactPhone, String contactEmail) {
    }

    /**
     * The action page's elements; these names are used by every API that carries an action page. {@code updatedAt}:
     * when the page or its self-service last changed for citizens.
     */
    record ActionPageResponse(String title, String intro, List<String> beforeYouStart, String startLabel,
            String continuesOn, String loginText, String alternatives, String afterwards, String moreInformation,
            String rules, String fees, String deadlines, PlannedDowntimeResponse plannedDowntime,
            java.time.Instant updatedAt) {
    }

    /** A period the solution will be closed and what citizens are told; shown from a day before until it ends. */
    record PlannedDowntimeResponse(java.time.Instant from, java.time.Instant until, String message) {
    }
}
