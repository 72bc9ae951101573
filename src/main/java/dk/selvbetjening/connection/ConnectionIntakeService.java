package dk.selvbetjening.connection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplier's side of connection requests, by form or API and without an account: submitting (once per
 * idempotency key), following the request through its status link and amending it when the editors ask for changes.
 * Every change is audited and mailed through the outbox, in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class ConnectionIntakeService {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final ConnectionRequestRepository requests;
    private final ConnectionRequestStore store;
    private final SubmissionValidator validator;
    private final StatusTokens tokens;
    private final RequestNames names;
    private final ConnectionMails mails;
    private final AuditLog audit;
    private final MessageSource messages;
    private final ConnectionProperties properties;
    private final Clock clock;

    ConnectionIntakeService(ConnectionRequestRepository requests, ConnectionRequestStore store,
            SubmissionValidator validator, StatusTokens tokens, RequestNames names, ConnectionMails mails,
            AuditLog audit, MessageSource messages, ConnectionProperties properties, Clock clock) {
        this.requests = requests;
        this.store = store;
        this.validator = validator;
        this.tokens = tokens;
        this.names = names;
        this.mails = mails;
        this.audit = audit;
        this.messages = messages;
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
        String reference = String.format("TS-%d-%06d", LocalDate.now(clock).getYear(), requests.nextNumber());
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
        audit.record(ConnectionRequest.AUDIT_TYPE, reference, "audit.connection.submitted", valid.kind() + ": " + valid.title());
        Receipt receipt = receipt(request, false);
        mails.submitted(valid, receipt);
        return receipt;
    }

    /**
     * Checks a submission as {@link #submit} would, storing and sending nothing: the "Tjek dine svar" page before
     * sending. Answers the names its page shows for the ids, codes and slugs (the authority is known only when its
     * CVR number is registered).
     *
     * @throws InvalidSubmissionException listing what to fix
     */
    public ConnectionRequestNames check(Submission submission) {
        return names.of(validator.validate(submission));
    }

    /**
     * The request, for the holder of its status link.
     *
     * @throws StatusLinkNotFoundException for an unknown reference, a wrong token or an expired link alike
     */
    public ConnectionRequestDetails withToken(String reference, String token) {
        return store.details(byStatusLink(requests.findByReference(reference), reference, token), false);
    }

    /** Names for the ids and codes of a request its status page shows. */
    public ConnectionRequestNames names(ConnectionRequestDetails request) {
        return names.of(request);
    }

    /**
     * What a status link that does not work answers, in Danish: it may be wrong or expired, and whom to write to.
     * The same for every reason, so it tells nothing about the request.
     */
    public String statusLinkNotFoundText() {
        return text("connection.statusLink.notFound", properties.tokenLifetimeAfterClose().toDays(),
                mails.editorsMailbox());
    }

    /** The submitter amends a request after changes were requested, through the status link; back to review. */
    @Transactional
    public ConnectionRequestDetails resubmit(String reference, String token, Submission amended) {
        ConnectionRequest request = byStatusLink(requests.findForUpdate(reference), reference, token);
        ValidSubmission valid = validator.validate(amended);
        if (valid.kind() != request.kind()) {
            throw new InvalidSubmissionException(List.of(new FieldProblem("kind", text("connection.error.kindChanged"))));
        }
        store.transition(() -> request.resubmit(valid, clock.instant()));
        audit.record(ConnectionRequest.AUDIT_TYPE, reference, "audit.connection.resubmitted", null);
        mails.resubmitted(reference, valid.title());
        mails.statusChanged(request, null);
        return store.saved(request);
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

    private Receipt receipt(ConnectionRequest request, boolean repeated) {
        return new Receipt(request.reference(), request.status(), tokens.tokenFor(request.reference()),
                tokens.statusPath(request.reference()), PublicDuplicate.of(store.duplicates(request)), repeated);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, DANISH);
    }
}
