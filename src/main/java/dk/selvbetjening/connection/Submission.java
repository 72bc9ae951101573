package dk.selvbetjening.connection;

import java.util.List;

/**
 * A connection request as typed on the form or sent to the API: text, validated by
 * {@link ConnectionRequestService#submit}. {@code kind} is NEW or EXISTING; {@code existingServiceId} is required
 * for EXISTING; {@code authorityCvr}, {@code loginMethod}, {@code serviceKind}, {@code topics},
 * {@code plannedGoLive} (yyyy-mm-dd) and {@code actionPage} are optional.
 */
public record Submission(String kind, String existingServiceId, String title, String url, String shortDescription,
        String supplierName, String supplierEmail, String authorityCvr, String loginMethod, String serviceKind,
        List<String> topics, String plannedGoLive, ActionPageText actionPage) {

    public Submission {
        topics = topics == null ? List.of() : topics.stream().filter(t -> t != null && !t.isBlank()).toList();
        actionPage = actionPage == null ? ActionPageText.empty() : actionPage;
    }
}
