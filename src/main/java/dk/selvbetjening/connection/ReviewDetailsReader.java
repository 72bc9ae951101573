package dk.selvbetjening.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.CvrNumber;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.LoginRule;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.compliance.AssessmentService;
import dk.selvbetjening.linkcheck.LinkCheckService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Reads everything the review page shows besides the request itself, in the caller's transaction. */
@Component
class ReviewDetailsReader {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final RequestNames names;
    private final ActionPageService actionPages;
    private final AuthorityService authorities;
    private final AssessmentService assessments;
    private final LinkCheckService linkChecks;
    private final AuditLog audit;
    private final MessageSource messages;

    ReviewDetailsReader(RequestNames names, ActionPageService actionPages, AuthorityService authorities,
            AssessmentService assessments, LinkCheckService linkChecks, AuditLog audit, MessageSource messages) {
        this.names = names;
        this.actionPages = actionPages;
        this.authorities = authorities;
        this.assessments = assessments;
        this.linkChecks = linkChecks;
        this.audit = audit;
        this.messages = messages;
    }

    ConnectionReviewDetails read(ConnectionRequestDetails request, boolean editor) {
        ConnectionRequestNames named = names.of(request);
        UUID serviceId = request.createdServiceId() != null ? request.createdServiceId() : request.existingServiceId();
        return new ConnectionReviewDetails(request, editor, named, comparison(request, named.existingService()),
                audit.history(ConnectionRequest.AUDIT_TYPE, request.reference()), published(request),
                request.url() == null ? null : linkChecks.latest(request.url()).orElse(null), loginWarning(request),
                authorityByCvr(request), serviceId == null ? null : assessments.ofMandatory(serviceId).orElse(null),
                request.createdServiceId() == null || request.publishedAt() != null ? null
                        : names.service(request.createdServiceId()).orElse(null));
    }

    /** The self-service an approved request made or changed, once citizens see the approved content. */
    private SelfServiceDetails published(ConnectionRequestDetails request) {
        if (request.createdServiceId() == null || request.publishedAt() == null) {
            return null;
        }
        return names.service(request.createdServiceId()).orElse(null);
    }

    /**
     * For a request whose CVR number named no registered authority when it was submitted: the authority registered
     * with that number since (linked when the request is approved), or null when there is still none.
     */
    private AuthorityDetails authorityByCvr(ConnectionRequestDetails request) {
        if (request.authorityId() != null || request.authorityCvr() == null
                || !CvrNumber.isValid(request.authorityCvr())) {
            return null;
        }
        return authorities.authorityByCvr(new CvrNumber(request.authorityCvr())).orElse(null);
    }

    /** The login rule's warning (a public authority with a MitID broker); null when followed or the owner unknown. */
    private String loginWarning(ConnectionRequestDetails request) {
        if (request.authorityId() == null || request.loginMethod() == null) {
            return null;
        }
        LoginRule rule = LoginRule.of(authorities.authority(request.authorityId()).type(),
                LoginMethod.valueOf(request.loginMethod()));
        return rule.warns() ? text(rule.messageKey()) : null;
    }

    /** For an EXISTING request: the published service's fields beside the proposed ones; else null. */
    private ExistingServiceComparison comparison(ConnectionRequestDetails proposed, SelfServiceDetails published) {
        if (proposed.kind() != ConnectionRequestKind.EXISTING || published == null) {
            return null;
        }
        List<ExistingServiceComparison.Row> rows = new ArrayList<>();
        rows.add(row("connection.field.title", published.title(), proposed.title()));
        rows.add(row("connection.field.url", published.url(), proposed.url()));
        rows.add(row("connection.field.shortDescription", published.shortDescription(), proposed.shortDescription()));
        rows.add(row("connection.field.supplierName", published.supplierName(), proposed.supplierName()));
        rows.add(row("connection.field.supplierEmail", published.supplierEmail(), proposed.supplierEmail()));
        String login = text("connection.web.loginMethod." + published.loginMethod());
        rows.add(row("connection.field.loginMethod", login, proposed.loginMethod() == null ? login
                : text("connection.web.loginMethod." + proposed.loginMethod())));
        ActionPageContent text = proposed.actionPage();
        if (text.hasText()) {
            ActionPageContent now = actionPages.find(published.id()).map(page -> page.content())
                    .orElse(Submission.NO_ACTION_PAGE);
            rows.add(row("actionpage.editor.field.title", now.title(), text.title()));
            rows.add(row("actionpage.editor.field.intro", now.intro(), text.intro()));
            rows.add(row("actionpage.editor.field.beforeYouStart", String.join("\n", now.beforeYouStart()),
                    String.join("\n", text.beforeYouStart())));
            rows.add(row("actionpage.editor.field.startLabel", now.startLabel(), text.startLabel()));
            rows.add(row("actionpage.editor.field.continuesOn", now.continuesOn(), text.continuesOn()));
            rows.add(row("actionpage.editor.field.alternatives", now.alternatives(), text.alternatives()));
            rows.add(row("actionpage.editor.field.afterwards", now.afterwards(), text.afterwards()));
            rows.add(row("actionpage.editor.field.rules", now.rules(), text.rules()));
            rows.add(row("actionpage.editor.field.fees", now.fees(), text.fees()));
            rows.add(row("actionpage.editor.field.deadlines", now.deadlines(), text.deadlines()));
            rows.add(row("actionpage.editor.field.moreInformation", now.moreInformation(), text.moreInformation()));
            rows.add(row("actionpage.editor.form.legendDowntime", written(now.plannedDowntime()),
                    written(text.plannedDowntime())));
        }
        return new ExistingServiceComparison(published.slug(), rows);
    }

    private static String written(PlannedDowntime downtime) {
        return downtime == null ? null : PlannedDowntime.WRITTEN.format(downtime.from()) + " – "
                + PlannedDowntime.WRITTEN.format(downtime.until()) + ": " + downtime.message();
    }

    private static ExistingServiceComparison.Row row(String key, String published, String proposed) {
        String a = published == null ? "" : published;
        String b = proposed == null ? "" : proposed;
        return new ExistingServiceComparison.Row(key, a, b, !a.equals(b));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, DANISH);
    }
}
