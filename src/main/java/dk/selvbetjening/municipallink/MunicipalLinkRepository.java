package dk.selvbetjening.municipallink;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface MunicipalLinkRepository extends JpaRepository<MunicipalLink, UUID> {

    Optional<MunicipalLink> findBySelfServiceIdAndMunicipalityCode(UUID selfServiceId, Integer municipalityCode);
}
