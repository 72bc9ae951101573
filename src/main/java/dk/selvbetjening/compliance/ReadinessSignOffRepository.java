package dk.selvbetjening.compliance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReadinessSignOffRepository extends JpaRepository<ReadinessSignOff, UUID> {

    Optional<ReadinessSignOff> findBySelfServiceIdAndYear(UUID selfServiceId, int year);

    List<ReadinessSignOff> findByYear(int year);
}
