package dk.selvbetjening.connection.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.selvbetjening.actionpage.web.ActionPageForm;
import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.SelfServiceScope;
import dk.selvbetjening.connection.ConnectionRequestDetails;
import dk.selvbetjening.connection.Submission;
import dk.selvbetjening.shared.web.DateInput;

/**
 * The connection form (/tilslut and the amend form on the status page), as typed. {@code municipalLinks} is one
 * municipality a line: its code, a space (or tab, semicolon, comma) and the URL. {@code actionPage} is the action
 * page editor's own form, nested under "actionPage.". {@code submissionId} is a one-time id made when the form is
 * shown: a repeated post of the same form stores one request. {@code website} is a honeypot that people never see
 * and so leave empty. {@code plannedGoLive} is three inputs, day, month and year ("plannedGoLive.day" …).
 */
public record ConnectionForm(String kind, String existingServiceId, String title, String url, String shortDescription,
        String supplierName, String supplierEmail, String authorityCvr, String loginMethod, String serviceKind,
        List<String> formReturn, String scope, String municipalLinks, List<String> topics, DateInput plannedGoLive,
        ActionPageForm actionPage, String submissionId, String website) {

    private static final Pattern LINK_LINE = Pattern.compile("^\\s*(\\d{3,4})[\\s;,:]+(\\S+)\\s*$");

    public ConnectionForm {
        formReturn = formReturn == null ? List.of() : List.copyOf(formReturn.stream().filter(f -> f != null).toList());
        topics = topics == null ? List.of() : List.copyOf(topics.stream().filter(t -> t != null).toList());
        actionPage = actionPage == null ? ActionPageForm.empty() : actionPage;
        plannedGoLive = plannedGoLive == null ? DateInput.empty() : plannedGoLive;
    }

    /** An empty form with a fresh submission id. */
    static ConnectionForm blank() {
        return withActionPage(ActionPageForm.empty());
    }

    /** An empty form with a fresh submission id and the action page fields filled in. */
    static ConnectionForm withActionPage(ActionPageForm actionPage) {
        return new ConnectionForm(null, null, null, null, null, null, null, null, null, null, List.of(),
                SelfServiceScope.NATIONAL.name(), null, List.of(), DateInput.empty(), actionPage, UUID.randomUUID().toString(),
                null);
    }

    /** The form prefilled with a request's current content, for amending it. */
    static ConnectionForm of(ConnectionRequestDetails request) {
        return new ConnectionForm(request.kind().name(),
                request.existingServiceId() == null ? null : request.existingServiceId().toString(), request.title(),
                request.url(), request.shortDescription(), request.supplierName(), request.supplierEmail(),
                request.authorityCvr(), request.loginMethod(), request.serviceKind(),
                request.formReturn().stream().map(FormReturn::name).toList(), request.scope().name(),
                request.municipalLinks().entrySet().stream().map(link -> link.getKey() + " " + link.getValue())
                        .collect(Collectors.joining("\n")),
                request.topics(), DateInput.of(request.plannedGoLive()),
                ActionPageForm.of(request.actionPage()), null, null);
    }

    /**
     * The same typed values with the action page text read from a Word template: an element the file fills in
     * takes the file's text, one it leaves empty keeps what was typed.
     */
    ConnectionForm withTemplate(ActionPageForm file) {
        ActionPageForm typed = actionPage;
        ActionPageForm merged = new ActionPageForm(pick(file.title(), typed.title()), pick(file.intro(), typed.intro()),
                pick(file.beforeYouStart(), typed.beforeYouStart()), pick(file.startLabel(), typed.startLabel()),
                pick(file.continuesOn(), typed.continuesOn()), pick(file.alternatives(), typed.alternatives()),
                pick(file.afterwards(), typed.afterwards()), pick(file.moreInformation(), typed.moreInformation()),
                pick(file.rules(), typed.rules()), pick(file.fees(), typed.fees()),
                pick(file.deadlines(), typed.deadlines()), pick(file.downtimeFrom(), typed.downtimeFrom()),
                pick(file.downtimeUntil(), typed.downtimeUntil()), pick(file.downtimeMessage(), typed.downtimeMessage()),
                null);
        return new ConnectionForm(kind, existingServiceId, title, url, shortDescription, supplierName, supplierEmail,
                authorityCvr, loginMethod, serviceKind, formReturn, scope, municipalLinks, topics, plannedGoLive,
                merged, submissionId, website);
    }

    private static String pick(String fromFile, String typed) {
        return fromFile == null || fromFile.isBlank() ? typed : fromFile;
    }

    /** A request for a new self-service (not a change of one that is on the portal). */
    public boolean isNew() {
        return "NEW".equalsIgnoreCase(kind == null ? "" : kind.strip());
    }

    /** The same typed values, with a fresh submission id unless they have a valid one. */
    ConnectionForm withSubmissionId() {
        return idempotencyKey() != null ? this : withNewSubmissionId();
    }

    /** The same typed values in a form of its own: sending it is a new request. */
    ConnectionForm withNewSubmissionId() {
        return new ConnectionForm(kind, existingServiceId, title, url, shortDescription, supplierName, supplierEmail,
                authorityCvr, loginMethod, serviceKind, formReturn, scope, municipalLinks, topics, plannedGoLive,
                actionPage, UUID.randomUUID().toString(), website);
    }

    /**
     * The submission; what the form alone can tell is unreadable (a links line without a code and a URL, a downtime
     * that is no date and time) goes with it as input problems, under the inputs' ids.
     */
    Submission toSubmission() {
        Map<String, String> inputProblems = new LinkedHashMap<>();
        Map<String, String> links = new LinkedHashMap<>();
        if (municipalLinks != null) {
            municipalLinks.lines().filter(line -> !line.isBlank()).forEach(line -> {
                Matcher matcher = LINK_LINE.matcher(line);
                if (!matcher.matches()) {
                    inputProblems.put("municipalLinks", "connection.error.municipalLinksLine");
                } else if (links.putIfAbsent(matcher.group(1), matcher.group(2)) != null) {
                    inputProblems.put("municipalLinks", "connection.error.municipalLinksTwice");
                }
            });
        }
        actionPage.downtimeProblems().forEach((input, key) -> inputProblems.put("actionPage." + input, key));
        // The API takes a new request without its authority (the editors find it); the form asks for it, as a new
        // self-service cannot be approved without it.
        if (isNew() && (authorityCvr == null || authorityCvr.isBlank())) {
            inputProblems.put("authority", "connection.error.cvr.missing");
        }
        DateInput.Reading goLive = plannedGoLive.read();
        if (goLive.hasProblem()) {
            inputProblems.put("plannedGoLive" + goLive.part().idSuffix(), goLive.problemKey());
        }
        return new Submission(kind, existingServiceId, title, url, shortDescription, supplierName, supplierEmail,
                authorityCvr, loginMethod, serviceKind, formReturn, scope, links, topics, plannedGoLive.iso(),
                actionPage.toCheckableContent(), inputProblems);
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
}
