package dk.selvbetjening.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The editors' side of connection requests: the queue, one request with everything about it, and the workflow from
 * taking it to publishing its self-service. Editors act; an authority's editors read their own authority's requests.
 * Every change is audited and mailed to the supplier through the outbox, in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class ConnectionReviewService {

    private final ConnectionRequestRepository requests;
    private final ConnectionRequestStore store;
    private final DuplicateCheck duplicates;
    private final ReviewDetailsReader reader;
    private final CatalogueHandover handover;
    private final PrePublishLinkCheck prePublishCheck;
    private final ConnectionMails mails;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConnectionReviewService(ConnectionRequestRepository requests, ConnectionRequestStore store,
            DuplicateCheck duplicates, ReviewDetailsReader reader, CatalogueHandover handover,
            PrePublishLinkCheck prePublishCheck, ConnectionMails mails, AuditLog audit,
            TransactionTemplate transactions, Clock clock) {
        this.requests = requests;
        this.store = store;
        this.duplicates = duplicates;
        this.reader = reader;
        this.handover = handover;
        this.prePublishCheck = prePublishCheck;
        this.mails = mails;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The review queue, oldest first; an authority editor sees only the own authority's requests. Which requests
     * have duplicates is asked of the catalogue once for the whole queue.
     */
    public List<ConnectionRequestSummary> queue(QueueFilter filter, CurrentAccount account) {
        Instant cutoff = filter.olderThanDays() == null ? null
                : clock.instant().minus(Duration.ofDays(filter.olderThanDays()));
        List<ConnectionRequest> all = requests.findAllByOrderBySubmittedAtAsc();
        List<ConnectionRequest> shown = all.stream()
                .filter(r -> account.mayActFor(r.authorityId()))
                .filter(r -> filter.shows(r.status()))
                .filter(r -> filter.kind() == null || r.kind() == filter.kind())
                .filter(r -> cutoff == null || r.submittedAt().isBefore(cutoff))
                .toList();
        Set<UUID> withDuplicates = duplicates.withDuplicates(shown, all);
        return shown.stream().map(r -> r.toSummary(withDuplicates.contains(r.id()))).toList();
    }

    /** How many visible requests are in each status. */
    public Map<ConnectionRequestStatus, Long> counts(CurrentAccount account) {
        Map<ConnectionRequestStatus, Long> counts = new EnumMap<>(ConnectionRequestStatus.class);
        for (ConnectionRequestStatus status : ConnectionRequestStatus.values()) {
            counts.put(status, 0L);
        }
        requests.findAll().stream().filter(r -> account.mayActFor(r.authorityId()))
                .forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    /** The request, for an editor or an editor of the owning authority; anyone else is told it does not exist. */
    public ConnectionRequestDetails forAccount(String reference, CurrentAccount account) {
        return store.details(visible(reference, account), account.isEditor());
    }

    /**
     * Everything the review page shows about the request, read in one transaction: for an editor or an editor of
     * the owning authority; anyone else is told it does not exist.
     */
    public ConnectionReviewDetails details(String reference, CurrentAccount account) {
        return reader.read(forAccount(reference, account), account.isEditor());
    }

    /** Takes a submitted request into review. */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public ConnectionRequestDetails take(String reference, long expectedVersion) {
        ConnectionRequest request = store.forChange(reference, expectedVersion);
        store.transition(() -> request.take(clock.instant()));
        audit.record(ConnectionRequest.AUDIT_TYPE, reference, "audit.connection.taken", null);
        mails.statusChanged(request, null);
        return store.saved(request);
    }

    /** Asks the supplier for changes, with the editor's message; the supplier amends the request by the status link. */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public ConnectionRequestDetails requestChanges(String reference, long expectedVersion, String message) {
        return withMessage(reference, expectedVersion, message, "CHANGES_REQUESTED", ConnectionRequest::requestChanges,
                "audit.connection.changesRequested");
    }

    /** Rejects the request, with the reason told to the supplier. */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public ConnectionRequestDetails reject(String reference, long expectedVersion, String reason) {
        return withMessage(reference, expectedVersion, reason, "REJECTED", ConnectionRequest::reject,
                "audit.connection.rejected");
    }

    /** A transition the editor explains to the supplier: the message is required, stored, audited and mailed. */
    private ConnectionRequestDetails withMessage(String reference, long expectedVersion, String message, String kind,
            BiConsumer<ConnectionRequest, Instant> change, String auditKey) {
        String text = store.requiredMessage(message);
        ConnectionRequest request = store.forChange(reference, expectedVersion);
        store.transition(() -> change.accept(request, clock.instant()));
        store.addMessage(request, kind, text);
        audit.record(ConnectionRequest.AUDIT_TYPE, reference, auditKey, text);
        mails.statusChanged(request, text);
        return store.saved(request);
    }

    /**
     * Approves: a NEW request becomes a draft self-service with its action page, owned by the request's
     * authority (a MUNICIPAL one with the municipal links the request knows; the municipalities add the rest); an
     * EXISTING one becomes pending changes of that service. Neither is shown to citizens until {@link #publish}.
     */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public ConnectionRequestDetails approve(String reference, long expectedVersion) {
        ConnectionRequest request = store.forChange(reference, expectedVersion);
        store.transition(request::requireApprovable);
        handover.linkAuthorityByCvr(request);
        UUID serviceId = handover.approve(store.details(request, true));
        store.transition(() -> request.approve(serviceId, clock.instant()));
        audit.record(ConnectionRequest.AUDIT_TYPE, reference, "audit.connection.approved", "selvbetjening " + serviceId);
        mails.statusChanged(request, null);
        return store.saved(request);
    }

    /** Checks the request's URL now, when the editor asks to before approving or publishing (no transaction). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @PreAuthorize("hasRole('EDITOR')")
    public void checkLink(String reference) {
        prePublishCheck.checkNow(existing(reference).url());
    }

    /**
     * Publishes the self-service an approved request made or changed, after checking its URL: see
     * {@link #publish(String, long, boolean)}.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @PreAuthorize("hasRole('EDITOR')")
    public SelfServiceDetails publish(String reference, long expectedVersion) {
        return publish(reference, expectedVersion, false);
    }

    /**
     * Publishes the self-service an approved request made or changed: citizens see it from now on. Unless
     * {@code despiteBrokenLink}, the request's URL is checked first, outside any transaction, and a broken or
     * dangerous link stops publishing.
     *
     * @throws BrokenLinkException the URL was just found broken or dangerous; nothing changed
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @PreAuthorize("hasRole('EDITOR')")
    public SelfServiceDetails publish(String reference, long expectedVersion, boolean despiteBrokenLink) {
        if (!despiteBrokenLink) {
            prePublishCheck.problem(existing(reference).url()).ifPresent(problem -> {
                throw new BrokenLinkException(problem);
            });
        }
        return transactions.execute(status -> publishNow(reference, expectedVersion));
    }

    private SelfServiceDetails publishNow(String reference, long expectedVersion) {
        ConnectionRequest request = store.forChange(reference, expectedVersion);
        store.transition(() -> request.published(clock.instant()));
        SelfServiceDetails published = handover.publish(request.createdServiceId());
        audit.record(ConnectionRequest.AUDIT_TYPE, reference, "audit.connection.published", published.slug());
        mails.published(request, published);
        store.saved(request);
        return published;
    }

    /**
     * Records that the self-service of approved requests went live some other way than {@link #publish} (the action
     * page editor's "Udgiv", the scheduled go-live): each approved request behind it that is not published yet is
     * marked published, audited and mailed to its supplier, as {@link #publish} does. Does nothing while citizens do
     * not see the service as approved (a draft, approved changes still waiting), nor for a request already marked:
     * called again for the same change, it changes and mails nothing.
     */
    @Transactional
    void publishedElsewhere(UUID serviceId) {
        List<ConnectionRequest> waiting = requests.findUnpublishedForUpdate(serviceId, ConnectionRequestStatus.APPROVED);
        if (waiting.isEmpty()) {
            return;
        }
        handover.live(serviceId).ifPresent(published -> waiting.forEach(request -> {
            request.published(clock.instant());
            audit.record(ConnectionRequest.AUDIT_TYPE, request.reference(), "audit.connection.published",
                    published.slug());
            mails.published(request, published);
        }));
    }

    private ConnectionRequest existing(String reference) {
        return requests.findByReference(reference)
                .orElseThrow(() -> new ConnectionRequestNotFoundException(reference));
    }

    private ConnectionRequest visible(String reference, CurrentAccount account) {
        return requests.findByReference(reference)
                .filter(r -> account.mayActFor(r.authorityId()))
                .orElseThrow(() -> new ConnectionRequestNotFoundException(reference));
    }
}
