package dk.selvbetjening.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaffIdentityRepository extends JpaRepository<StaffIdentity, UUID> {

    Optional<StaffIdentity> findByIssuerAndSubject(String issuer, String subject);
}
