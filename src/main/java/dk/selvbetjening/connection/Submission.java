package dk.selvbetjening.connection;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.selvbetjening.actionpage.ActionPageContent;

/**
 * A connection request as typed on the form or sent to the API: text, validated by
 * {@link ConnectionIntakeService#submit}. {@code kind} is NEW or EXISTING; {@code existingServiceId} is required
 * for EXISTING. {@code serviceKind} is ONLINE (the default), FORM or PORTAL; a FORM says in {@code formReturn} how it
 * may be returned (DIGITAL_SIGNED, POST). {@code scope} is NATIONAL (the default: one {@code url}) or MUNICIPAL (no
 * {@code url}; {@code municipalLinks} maps the municipality codes the submitter knows to their URLs). The
 * {@code actionPage} proposal is empty or a whole text. {@code inputProblems} are what the form or API could not read
 * (field → message key), e.g. a planned downtime that is no date and time.
 */
public record Submission(String kind, String existingServiceId, String title, String url, String shortDescription,
        String supplierName, String supplierEmail, String authorityCvr, String loginMethod, String serviceKind,
        List<String> formReturn, String scope, Map<String, String> municipalLinks, List<String> topics,
        String plannedGoLive, ActionPageContent actionPage, Map<String, String> inputProblems) {

    /** No action page text. */
    public static final ActionPageContent NO_ACTION_PAGE = new ActionPageContent(null, null, List.of(), null, null,
            null, null, null);

    public Submission {
        formReturn = formReturn == null ? List.of() : formReturn.stream().filter(f -> f != null && !f.isBlank()).toList();
        municipalLinks = municipalLinks == null ? Map.of() : new TreeMap<>(municipalLinks);
        topics = topics == null ? List.of() : topics.stream().filter(t -> t != null && !t.isBlank()).toList();
        actionPage = actionPage == null ? NO_ACTION_PAGE : actionPage;
        inputProblems = inputProblems == null ? Map.of() : new TreeMap<>(inputProblems);
    }

    /** A national request (no form return, no municipal links) as typed, with nothing unreadable. */
    public Submission(String kind, String existingServiceId, String title, String url, String shortDescription,
            String supplierName, String supplierEmail, String authorityCvr, String loginMethod, String serviceKind,
            List<String> topics, String plannedGoLive, ActionPageContent actionPage) {
        this(kind, existingServiceId, title, url, shortDescription, supplierName, supplierEmail, authorityCvr,
                loginMethod, serviceKind, List.of(), null, Map.of(), topics, plannedGoLive, actionPage, Map.of());
    }
}
