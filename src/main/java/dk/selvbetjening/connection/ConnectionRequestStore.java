package dk.selvbetjening.connection;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * What intake and review share about a stored request: its details with messages and duplicates, loading it for a
 * change of the version the caller read, a transition refused in Danish, the editors' messages, and saving so that a
 * concurrent change is reported as stale.
 */
@Component
class ConnectionRequestStore {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final ConnectionRequestRepository requests;
    private final ConnectionMessageRepository messageRepository;
    private final DuplicateCheck duplicates;
    private final MessageSource messages;
    private final Clock clock;

    ConnectionRequestStore(ConnectionRequestRepository requests, ConnectionMessageRepository messageRepository,
            DuplicateCheck duplicates, MessageSource messages, Clock clock) {
        this.requests = requests;
        this.messageRepository = messageRepository;
        this.duplicates = duplicates;
        this.messages = messages;
        this.clock = clock;
    }

    /** The details; {@code forEditors}: with the duplicate warnings that name other requests and drafts. */
    ConnectionRequestDetails details(ConnectionRequest request, boolean forEditors) {
        List<RequestMessage> written = messageRepository.findByRequestIdOrderByWrittenAtAsc(request.id()).stream()
                .map(ConnectionMessage::toMessage).toList();
        return request.toDetails(written, duplicates.of(request), forEditors);
    }

    /** Self-services and other open requests with the request's URL. */
    List<DuplicateWarning> duplicates(ConnectionRequest request) {
        return duplicates.of(request);
    }

    /**
     * The request, locked until the transaction ends so that actions on one request take turns, if it is still the
     * {@code expectedVersion} the editor acts on; else a {@link StaleRequestException}.
     */
    ConnectionRequest forChange(String reference, long expectedVersion) {
        ConnectionRequest request = requests.findForUpdate(reference)
                .orElseThrow(() -> new ConnectionRequestNotFoundException(reference));
        if (request.version() != expectedVersion) {
            throw new StaleRequestException(text("connection.error.stale"));
        }
        return request;
    }

    /** Saves now; someone else's change since the request was read is a {@link StaleRequestException}. */
    ConnectionRequestDetails saved(ConnectionRequest request) {
        try {
            return details(requests.saveAndFlush(request), CurrentAccount.current().map(CurrentAccount::isEditor)
                    .orElse(false));
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleRequestException(text("connection.error.stale"));
        }
    }

    /** Runs a change of status; one the status does not allow is an {@link IllegalTransitionException} in Danish. */
    void transition(Runnable change) {
        try {
            change.run();
        } catch (ConnectionRequest.TransitionRefused e) {
            throw new IllegalTransitionException(text(e.messageKey(), text("connection.status." + e.status())));
        }
    }

    /** The editor's message to the supplier, stripped; an empty or too long one is an invalid submission. */
    String requiredMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidSubmissionException(List.of(new FieldProblem("message", text("connection.error.message"))));
        }
        if (message.length() > SubmissionValidator.TEXT_MAX) {
            throw new InvalidSubmissionException(List.of(new FieldProblem("message",
                    text("connection.error.tooLong", SubmissionValidator.TEXT_MAX))));
        }
        return message.strip();
    }

    /** Stores an editor's message to the supplier, signed with the editor's name. */
    void addMessage(ConnectionRequest request, String kind, String text) {
        String author = CurrentAccount.current().map(CurrentAccount::displayName).orElseGet(AuditLog::currentActor);
        messageRepository.save(new ConnectionMessage(UUID.randomUUID(), request.id(), clock.instant(), author, kind,
                text));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, DANISH);
    }
}
