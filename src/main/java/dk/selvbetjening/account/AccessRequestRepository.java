package dk.selvbetjening.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccessRequestRepository extends JpaRepository<AccessRequest, UUID> {

    List<AccessRequest> findByStatusOrderByRequestedAtAsc(AccessRequestStatus status);

    Optional<AccessRequest> findFirstByIssuerAndSubjectAndStatus(String issuer, String subject,
            AccessRequestStatus status);

    boolean existsByIssuerAndSubjectAndAuthorityIdAndStatus(String issuer, String subject, UUID authorityId,
            AccessRequestStatus status);
}
