package dk.selvbetjening.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPagePublishRefusedException;
import dk.selvbetjening.actionpage.guide.GuideFinding;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.audit.AuditEntrySummary;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.CvrNumber;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.LoginRule;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.catalogue.ServiceChanges;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.notification.MailOutbox;
import dk.selvbetjening.notification.OutgoingMail;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The connection module's API: submit, follow by status link, review and approve. Every change is audited and
 * tells the submitter by e-mail through the outbox, in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class ConnectionRequestService {

    static final String AUDIT_TYPE = "tilslutning";
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final ConnectionRequestRepository requests;
    private final ConnectionMessageRepository messageRepository;
    private final SubmissionValidator validator;
    private final StatusTokens tokens;
    private final SelfServiceService services;
    private final ActionPageService actionPages;
    private final MunicipalLinkService municipalLinks;
    private final AuthorityService authorities;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final ConnectionProperties properties;
    private final Clock clock;

    ConnectionRequestService(ConnectionRequestRepository requests, ConnectionMessageRepository messageRepository,
            SubmissionValidator validator, StatusTokens tokens, SelfServiceService services,
            ActionPageService actionPages, MunicipalLinkService municipalLinks, AuthorityService authorities,
            MailOutbox outbox, AuditLog audit, MessageSource messages, JdbcClient jdbc, ConnectionProperties properties,
            Clock clock) {
        this.requests = requests;
        this.messageRepository = messageRepository;
        this.validator = validator;
        this.tokens = tokens;
        this.services = services;
        this.actionPages = actionPages;
        this.municipalLinks = municipalLinks;
        this.authorities = authorities;
        this.outbox = outbox;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores a valid submission, sends the receipt and tells the editors. A repeat with the same
     * {@code idempotencyKey} and the same content stores nothing and gets the first answer.
     *
     * @throws InvalidSubmissionException listing what to fix; nothing is stored
     * @throws IdempotencyKeyReusedException the key was used before for other content; nothing is stored
     */
    @Transactional
    public Receipt submit(Submission submission, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw new InvalidSubmissionException(List.of(new FieldProblem("Idempotency-Key",
                    text("connection.error.idempotencyKey"))));
        }
        String bodyHash = key == null ? null : SubmissionFingerprint.of(submission);
        if (key != null) {
            Optional<ConnectionRequest> earlier = requests.findByIdempotencyKey(key);
            if (earlier.isPresent()) {
                return repeated(earlier.get(), bodyHash);
            }
        }
        ValidSubmission valid = validator.validate(submission);
        String reference = nextReference();
        ConnectionRequest request;
        try {
            request = requests.saveAndFlush(new ConnectionRequest(UUID.randomUUID(), reference, valid, key, bodyHash,
                    clock.instant()));
        } catch (DataIntegrityViolationException e) {
            if (key != null) {
                return requests.findByIdempotencyKey(key).map(r -> repeated(r, bodyHash)).orElseThrow(() -> e);
            }
            throw e;
        }
        audit.record(AUDIT_TYPE, reference, "audit.connection.submitted", valid.kind() + ": " + valid.title());
        Receipt receipt = receipt(request, false);
        outbox.enqueue(new OutgoingMail(valid.supplierEmail(), text("connection.mail.receipt.subject", reference),
                text("connection.mail.receipt.body", valid.supplierName(), reference, valid.title(),
                        properties.baseUrl() + receipt.statusPath())));
        outbox.enqueue(new OutgoingMail(outbox.editorsMailbox(), text("connection.mail.editors.subject", reference),
                text("connection.mail.editors.body", reference, valid.kind(), valid.title(), valid.url() != null
                        ? valid.url() : text("connection.mail.editors.municipal", valid.municipalLinks().size()),
                        valid.supplierName(), valid.supplierEmail(),
                        properties.baseUrl() + "/redaktion/tilslutninger/" + reference,
                        receipt.duplicates().isEmpty() ? "" : text("connection.mail.editors.duplicate"))));
        return receipt;
    }

    /**
     * The request, for the holder of its status link.
     *
     * @throws StatusLinkNotFoundException for an unknown reference, a wrong token or an expired link alike
     */
    public ConnectionRequestDetails withToken(String reference, String token) {
        return details(byStatusLink(requests.findByReference(reference), reference, token), false);
    }

    /** The request, for an editor or an editor of the owning authority; anyone else is told it does not exist. */
    public ConnectionRequestDetails forAccount(String reference, CurrentAccount account) {
        return details(visible(reference, account), account.isEditor());
    }

    /**
     * What a status link that does not work answers, in Danish: it may be wrong or expired, and whom to write to.
     * The same for every reason, so it tells nothing about the request.
     */
    public String statusLinkNotFoundText() {
        return text("connection.statusLink.notFound", properties.tokenLifetimeAfterClose().toDays(),
                outbox.editorsMailbox());
    }

    /** The review queue, oldest first; an authority editor sees only the own authority's requests. */
    public List<ConnectionRequestSummary> queue(QueueFilter filter, CurrentAccount account) {
        Instant cutoff = filter.olderThanDays() == null ? null
                : clock.instant().minus(Duration.ofDays(filter.olderThanDays()));
        return requests.findAllByOrderBySubmittedAtAsc().stream()
                .filter(r -> account.mayActFor(r.authorityId()))
                .filter(r -> filter.status() == null || r.status() == filter.status())
                .filter(r -> filter.kind() == null || r.kind() == filter.kind())
                .filter(r -> cutoff == null || r.submittedAt().isBefore(cutoff))
                .map(r -> r.toSummary(!duplicates(r).isEmpty()))
                .toList();
    }

    /** How many visible requests are in each status. */
    public java.util.Map<ConnectionRequestStatus, Long> counts(CurrentAccount account) {
        java.util.Map<ConnectionRequestStatus, Long> counts = new java.util.EnumMap<>(ConnectionRequestStatus.class);
        for (ConnectionRequestStatus status : ConnectionRequestStatus.values()) {
            counts.put(status, 0L);
        }
        requests.findAll().stream().filter(r -> account.mayActFor(r.authorityId()))
                .forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    /** The request's history from the audit log. */
    public List<AuditEntrySummary> history(String reference, CurrentAccount account) {
        visible(reference, account);
        return audit.history(AUDIT_TYPE, reference);
    }

    /** For an EXISTING request: the published service's fields beside the proposed ones. */
    public Optional<ExistingServiceComparison> comparison(String reference, CurrentAccount account) {
        ConnectionRequest request = visible(reference, account);
        if (request.kind() != ConnectionRequestKind.EXISTING) {
            return Optional.empty();
        }
        SelfServiceDetails published = services.byId(request.existingServiceId());
        ConnectionRequestDetails proposed = details(request, account.isEditor());
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
        return Optional.of(new ExistingServiceComparison(published.slug(), rows));
    }

    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public ConnectionRequestDetails take(String reference, long expectedVersion) {
        ConnectionRequest request = forChange(reference, expectedVersion);
        transition(() -> request.take(clock.instant()));
        audit.record(AUDIT_TYPE, reference, "audit.connection.taken", null);
        notifyStatus(request, null);
        return saved(request);
    }

    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public ConnectionRequestDetails requestChanges(String reference, long expectedVersion, String message) {
        String text = requiredMessage(message);
        ConnectionRequest request = forChange(reference, expectedVersion);
        transition(() -> request.requestChanges(clock.instant()));
        addMessage(request, "CHANGES_REQUESTED", text);
        audit.record(AUDIT_TYPE, reference, "audit.connection.changesRequested", text);
        notifyStatus(request, text);
        return saved(request);
    }

    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public ConnectionRequestDetails reject(String reference, long expectedVersion, String reason) {
        String text = requiredMessage(reason);
        ConnectionRequest request = forChange(reference, expectedVersion);
        transition(() -> request.reject(clock.instant()));
        addMessage(request, "REJECTED", text);
        audit.record(AUDIT_TYPE, reference, "audit.connection.rejected", text);
        notifyStatus(request, text);
        return saved(request);
    }

    /**
     * Approves: a NEW request becomes a draft self-service with its action page, owned by the request's
     * authority (a MUNICIPAL one with the municipal links the request knows; the municipalities add the rest); an
     * EXISTING one becomes pending changes of that service. Neither is shown to citizens until {@link #publish}.
     */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public ConnectionRequestDetails approve(String reference, long expectedVersion) {
        ConnectionRequest request = forChange(reference, expectedVersion);
        if (request.status() != ConnectionRequestStatus.IN_REVIEW) {
            throw new IllegalTransitionException(text("connection.transition.approve",
                    text("connection.status." + request.status())));
        }
        if (request.kind() == ConnectionRequestKind.NEW && request.authorityId() == null
                && request.authorityCvr() != null) {
            // Submitted before the authority was registered: it is found by its CVR number now.
            authorities.authorityByCvr(new CvrNumber(request.authorityCvr())).filter(a -> !a.isRetired())
                    .ifPresent(a -> request.linkAuthority(a.id()));
        }
        ConnectionRequestDetails d = details(request, true);
        UUID serviceId;
        if (request.kind() == ConnectionRequestKind.NEW) {
            if (d.authorityId() == null) {
                throw new IllegalTransitionException(d.authorityCvr() == null
                        ? text("connection.transition.approveNoAuthority")
                        : text("connection.transition.approveUnknownAuthority", d.authorityCvr()));
            }
            var ownerDetails = authorities.authority(d.authorityId());
            if (ownerDetails.isRetired()) {
                throw new IllegalTransitionException(text("connection.transition.approveRetiredAuthority",
                        ownerDetails.name()));
            }
            AuthorityType owner = ownerDetails.type();
            SelfServiceKind kind = d.serviceKind() != null ? SelfServiceKind.valueOf(d.serviceKind())
                    : SelfServiceKind.ONLINE;
            LoginMethod login = d.loginMethod() != null ? LoginMethod.valueOf(d.loginMethod())
                    : kind == SelfServiceKind.FORM ? LoginMethod.NONE
                    : owner.isPublic() ? LoginMethod.MITID_NEMLOGIN : LoginMethod.MITID_BROKER;
            requireLoginRule(owner, login);
            SelfServiceDetails created = services.add(new NewSelfService(services.freeSlug(d.title()), d.title(),
                    d.shortDescription(), kind, d.scope(), d.isMunicipal() ? null : d.url(), d.formReturn(),
                    d.authorityId(), d.supplierName(), d.supplierEmail(), login, null, null, d.topics(), List.of(),
                    false));
            actionPages.saveDraft(created.id(), actionPage(d));
            d.municipalLinks().forEach((code, url) -> municipalLinks.setLink(created.id(), code, url, null));
            serviceId = created.id();
        } else {
            serviceId = d.existingServiceId();
            LoginMethod login = d.loginMethod() == null ? null : LoginMethod.valueOf(d.loginMethod());
            requireLoginRule(authorities.authority(services.byId(serviceId).authorityId()).type(), login);
            services.proposeChanges(serviceId, new ServiceChanges(d.title(), d.url(), d.shortDescription(),
                    d.supplierName(), d.supplierEmail(), login));
            if (d.actionPage().hasText()) {
                actionPages.saveDraft(serviceId, actionPage(d));
            }
        }
        transition(() -> request.approve(serviceId, clock.instant()));
        audit.record(AUDIT_TYPE, reference, "audit.connection.approved", "selvbetjening " + serviceId);
        notifyStatus(request, null);
        return saved(request);
    }

    /**
     * The login rule's warning for a request the editor reads (a public authority with a MitID broker), in Danish;
     * empty when the rule is followed or the owner is not known yet.
     */
    public Optional<String> loginWarning(ConnectionRequestDetails request) {
        if (request.authorityId() == null || request.loginMethod() == null) {
            return Optional.empty();
        }
        LoginRule rule = LoginRule.of(authorities.authority(request.authorityId()).type(),
                LoginMethod.valueOf(request.loginMethod()));
        return rule.warns() ? Optional.of(text(rule.messageKey())) : Optional.empty();
    }

    private void requireLoginRule(AuthorityType owner, LoginMethod login) {
        LoginRule rule = LoginRule.of(owner, login);
        if (rule.refuses()) {
            throw new IllegalTransitionException(text(rule.messageKey()));
        }
    }

    /** Publishes the self-service an approved request made or changed: citizens see it from now on. */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public SelfServiceDetails publish(String reference, long expectedVersion) {
        ConnectionRequest request = forChange(reference, expectedVersion);
        transition(() -> request.published(clock.instant()));
        try {
            actionPages.publishDraft(request.createdServiceId());
        } catch (ActionPagePublishRefusedException e) {
            throw new IllegalTransitionException(text("connection.transition.publishGuide",
                    e.errors().stream().map(GuideFinding::message).collect(Collectors.joining(" "))));
        }
        SelfServiceDetails published = services.publish(request.createdServiceId());
        audit.record(AUDIT_TYPE, reference, "audit.connection.published", published.slug());
        outbox.enqueue(new OutgoingMail(request.supplierEmail(), text("connection.mail.published.subject", reference),
                text("connection.mail.published.body", reference, published.title(),
                        properties.baseUrl() + "/handlingsside/" + published.slug())));
        saved(request);
        return published;
    }

    /** The submitter amends a request after changes were requested, through the status link; back to review. */
    @Transactional
    public ConnectionRequestDetails resubmit(String reference, String token, Submission amended) {
        ConnectionRequest request = byStatusLink(requests.findForUpdate(reference), reference, token);
        ValidSubmission valid = validator.validate(amended);
        if (valid.kind() != request.kind()) {
            throw new InvalidSubmissionException(List.of(new FieldProblem("kind", text("connection.error.kindChanged"))));
        }
        transition(() -> request.resubmit(valid, clock.instant()));
        audit.record(AUDIT_TYPE, reference, "audit.connection.resubmitted", null);
        outbox.enqueue(new OutgoingMail(outbox.editorsMailbox(), text("connection.mail.resubmitted.subject", reference),
                text("connection.mail.resubmitted.body", reference, valid.title(),
                        properties.baseUrl() + "/redaktion/tilslutninger/" + reference)));
        notifyStatus(request, null);
        return saved(request);
    }

    /** The request the status link opens: the token matches and the link has not expired. */
    private ConnectionRequest byStatusLink(Optional<ConnectionRequest> found, String reference, String token) {
        return found.filter(r -> tokens.matches(r.reference(), token))
                .filter(r -> !r.closedLongerThan(properties.tokenLifetimeAfterClose(), clock.instant()))
                .orElseThrow(() -> new StatusLinkNotFoundException(reference));
    }

    /** The first answer again for the same content; other content under the same key gets nothing. */
    private Receipt repeated(ConnectionRequest earlier, String bodyHash) {
        if (!earlier.sentWithBody(bodyHash)) {
            throw new IdempotencyKeyReusedException();
        }
        return receipt(earlier, true);
    }

    private ConnectionRequest visible(String reference, CurrentAccount account) {
        return requests.findByReference(reference)
                .filter(r -> account.mayActFor(r.authorityId()))
                .orElseThrow(() -> new ConnectionRequestNotFoundException(reference));
    }

    private ConnectionRequest forChange(String reference, long expectedVersion) {
        ConnectionRequest request = requests.findForUpdate(reference)
                .orElseThrow(() -> new ConnectionRequestNotFoundException(reference));
        if (request.version() != expectedVersion) {
            throw new StaleRequestException(text("connection.error.stale"));
        }
        return request;
    }

    private ConnectionRequestDetails saved(ConnectionRequest request) {
        try {
            return details(requests.saveAndFlush(request), CurrentAccount.current().map(CurrentAccount::isEditor)
                    .orElse(false));
        } catch (org.springframework.orm.ObjectOptimisticLockingFailureException e) {
            throw new StaleRequestException(text("connection.error.stale"));
        }
    }

    private void transition(Runnable change) {
        try {
            change.run();
        } catch (ConnectionRequest.TransitionRefused e) {
            throw new IllegalTransitionException(text(e.messageKey(),
                    text("connection.status." + e.status())));
        }
    }

    private String requiredMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidSubmissionException(List.of(new FieldProblem("message", text("connection.error.message"))));
        }
        if (message.length() > SubmissionValidator.TEXT_MAX) {
            throw new InvalidSubmissionException(List.of(new FieldProblem("message",
                    text("connection.error.tooLong", SubmissionValidator.TEXT_MAX))));
        }
        return message.strip();
    }

    private void addMessage(ConnectionRequest request, String kind, String text) {
        String author = CurrentAccount.current().map(CurrentAccount::displayName).orElseGet(AuditLog::currentActor);
        messageRepository.save(new ConnectionMessage(UUID.randomUUID(), request.id(), clock.instant(), author, kind,
                text));
    }

    private void notifyStatus(ConnectionRequest request, String message) {
        String status = text("connection.status." + request.status());
        outbox.enqueue(new OutgoingMail(request.supplierEmail(),
                text("connection.mail.status.subject", request.reference(), status),
                text("connection.mail.status.body", request.reference(), request.title(), status,
                        message == null ? "" : text("connection.mail.status.message", message),
                        properties.baseUrl() + statusPath(request.reference()))));
    }

    private Receipt receipt(ConnectionRequest request, boolean repeated) {
        String token = tokens.tokenFor(request.reference());
        return new Receipt(request.reference(), request.status(), token, statusPath(request.reference()),
                PublicDuplicate.of(duplicates(request)), repeated);
    }

    String statusPath(String reference) {
        return "/tilslut/status/" + reference + "?token=" + tokens.tokenFor(reference);
    }

    /** The details; {@code forEditors}: with the duplicate warnings that name other requests and drafts. */
    private ConnectionRequestDetails details(ConnectionRequest request, boolean forEditors) {
        List<RequestMessage> written = messageRepository.findByRequestIdOrderByWrittenAtAsc(request.id()).stream()
                .map(ConnectionMessage::toMessage).toList();
        return request.toDetails(written, duplicates(request), forEditors);
    }

    /** Self-services and other open requests with the request's URL (a municipal request has none to compare). */
    private List<DuplicateWarning> duplicates(ConnectionRequest request) {
        List<DuplicateWarning> found = new ArrayList<>();
        if (request.normalizedUrl() == null) {
            return found;
        }
        for (SelfServiceDetails service : services.withUrl(request.normalizedUrl())) {
            if (!service.id().equals(request.existingServiceId()) && !service.id().equals(request.createdServiceId())) {
                found.add(new DuplicateWarning(service.url(), service.slug(), service.title(),
                        service.status() == SelfServiceStatus.PUBLISHED, null));
            }
        }
        requests.findByNormalizedUrlAndStatusIn(request.normalizedUrl(), ConnectionRequestStatus.open()).stream()
                .filter(other -> !other.id().equals(request.id()))
                .sorted(Comparator.comparing(ConnectionRequest::reference))
                .forEach(other -> found.add(new DuplicateWarning(request.normalizedUrl(), null, null, false,
                        other.reference())));
        return found;
    }

    private String nextReference() {
        long number = jdbc.sql("SELECT nextval('connection_request_number')").query(Long.class).single();
        return String.format("TS-%d-%06d", LocalDate.now(clock).getYear(), number);
    }

    /** The proposed text for the draft; without a proposal, the request's title and short description. */
    private static ActionPageContent actionPage(ConnectionRequestDetails d) {
        ActionPageContent t = d.actionPage();
        String title = t.title() != null ? t.title() : d.title();
        String intro = t.intro() != null ? t.intro() : d.shortDescription();
        return new ActionPageContent(title, intro, t.beforeYouStart(), t.startLabel(), t.continuesOn(),
                t.alternatives(), t.afterwards(), t.moreInformation(), t.rules(), t.fees(), t.deadlines(),
                t.plannedDowntime());
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
