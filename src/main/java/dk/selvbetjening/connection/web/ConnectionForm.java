package dk.selvbetjening.connection.web;

import java.util.List;
import java.util.UUID;

import dk.selvbetjening.connection.ConnectionRequestDetails;
import dk.selvbetjening.connection.Submission;

/**
 * The connection form (/tilslut and the amend form on the status page), as typed. {@code submissionId} is a
 * one-time id made when the form is shown: a repeated post of the same form stores one request.
 * {@code website} is a honeypot that people never see and so leave empty.
 */
public record ConnectionForm(String kind, String existingServiceId, String title, String url, String shortDescription,
        String supplierName, String supplierEmail, String authorityCvr, String loginMethod, String serviceKind,
        List<String> topics, String plannedGoLive, ActionPageForm actionPage, String submissionId, String website) {

    public ConnectionForm {
        topics = topics == null ? List.of() : List.copyOf(topics.stream().filter(t -> t != null).toList());
        actionPage = actionPage == null ? ActionPageForm.empty() : actionPage;
    }

    /** An empty form with a fresh submission id. */
    static ConnectionForm blank() {
        return new ConnectionForm(null, null, null, null, null, null, null, null, null, null, List.of(), null,
                ActionPageForm.empty(), UUID.randomUUID().toString(), null);
    }

    /** An empty form with a fresh submission id and the action page fields filled in. */
    static ConnectionForm withActionPage(ActionPageForm actionPage) {
        return new ConnectionForm(null, null, null, null, null, null, null, null, null, null, List.of(), null,
                actionPage, UUID.randomUUID().toString(), null);
    }

    /** The form prefilled with a request's current content, for amending it. */
    static ConnectionForm of(ConnectionRequestDetails request) {
        return new ConnectionForm(request.kind().name(),
                request.existingServiceId() == null ? null : request.existingServiceId().toString(), request.title(),
                request.url(), request.shortDescription(), request.supplierName(), request.supplierEmail(),
                request.authorityCvr(), request.loginMethod(), request.serviceKind(), request.topics(),
                request.plannedGoLive() == null ? null : request.plannedGoLive().toString(),
                ActionPageForm.of(request.actionPage()), null, null);
    }

    /** The same typed values in a form of its own: sending it is a new request. */
    ConnectionForm withNewSubmissionId() {
        return new ConnectionForm(kind, existingServiceId, title, url, shortDescription, supplierName, supplierEmail,
                authorityCvr, loginMethod, serviceKind, topics, plannedGoLive, actionPage, UUID.randomUUID().toString(),
                website);
    }

    Submission toSubmission() {
        return new Submission(kind, existingServiceId, title, url, shortDescription, supplierName, supplierEmail,
                authorityCvr, loginMethod, serviceKind, topics, plannedGoLive, actionPage.toText());
    }

    /** Someone (something) filled in the field people cannot see. */
    boolean isHoneypotFilled() {
        return website != null && !website.isBlank();
    }

    /** The idempotency key for the service: "form:" and the submission id, when that is a valid UUID. */
    String idempotencyKey() {
        if (submissionId == null || submissionId.isBlank()) {
            return null;
        }
        try {
            return "form:" + UUID.fromString(submissionId.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean hasTopic(String slug) {
        return topics.contains(slug);
    }
}
