package dk.selvbetjening.connection;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConnectionRequestRepository extends JpaRepository<ConnectionRequest, UUID> {

    Optional<ConnectionRequest> findByReference(String reference);

    Optional<ConnectionRequest> findByIdempotencyKey(String idempotencyKey);

    List<ConnectionRequest> findByNormalizedUrlAndStatusIn(String normalizedUrl,
            Collection<ConnectionRequestStatus> statuses);

    List<ConnectionRequest> findAllByOrderBySubmittedAtAsc();
}
