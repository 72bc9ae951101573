package dk.selvbetjening.compliance;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExemptionRepository extends JpaRepository<Exemption, UUID> {

    List<Exemption> findBySelfServiceIdOrderByGrantedAtDesc(UUID selfServiceId);
}
