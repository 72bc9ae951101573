package dk.selvbetjening.compliance;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentRepository extends JpaRepository<Assessment, UUID> {

    Optional<Assessment> findBySelfServiceId(UUID selfServiceId);
}
