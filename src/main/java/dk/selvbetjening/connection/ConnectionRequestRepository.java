package dk.selvbetjening.connection;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ConnectionRequestRepository extends JpaRepository<ConnectionRequest, UUID> {

    Optional<ConnectionRequest> findByReference(String reference);

    Optional<ConnectionRequest> findByIdempotencyKey(String idempotencyKey);

    /** Loads the request and locks its row until the transaction ends: actions on one request take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ConnectionRequest r where r.reference = :reference")
    Optional<ConnectionRequest> findForUpdate(String reference);

    /**
     * The approved requests behind {@code serviceId} whose publishing has not been recorded yet, their rows locked
     * until the transaction ends (a request published meanwhile is not among them once the lock is had).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ConnectionRequest r where r.createdServiceId = :serviceId and r.status = :status"
            + " and r.publishedAt is null")
    List<ConnectionRequest> findUnpublishedForUpdate(UUID serviceId, ConnectionRequestStatus status);

    List<ConnectionRequest> findByNormalizedUrlAndStatusIn(String normalizedUrl,
            Collection<ConnectionRequestStatus> statuses);

    List<ConnectionRequest> findAllByOrderBySubmittedAtAsc();

    /** The municipal links of the requests in these statuses, in one query. */
    @Query("select new dk.selvbetjening.connection.RequestMunicipalLink(r.id, r.reference, key(l), value(l))"
            + " from ConnectionRequest r join r.municipalLinks l where r.status in :statuses")
    List<RequestMunicipalLink> findMunicipalLinksByStatusIn(Collection<ConnectionRequestStatus> statuses);

    /** The municipal links of these requests, in one query (keep the collection short: it becomes an IN list). */
    @Query("select new dk.selvbetjening.connection.RequestMunicipalLink(r.id, r.reference, key(l), value(l))"
            + " from ConnectionRequest r join r.municipalLinks l where r.id in :ids")
    List<RequestMunicipalLink> findMunicipalLinksByIdIn(Collection<UUID> ids);

    /** The next number of the year's references (TS-2026-000123). */
    @Query(value = "SELECT nextval('connection_request_number')", nativeQuery = true)
    long nextNumber();
}
