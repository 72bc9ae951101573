package dk.selvbetjening.municipallink;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MunicipalLinkRepository extends JpaRepository<MunicipalLink, UUID> {

    Optional<MunicipalLink> findBySelfServiceIdAndMunicipalityCode(UUID selfServiceId, Integer municipalityCode);

    /** The links whose normalized URL is one of these (indexed: {@code municipal_link_normalized_url_idx}). */
    @Query("select l from MunicipalLink l where l.normalizedUrl in :normalizedUrls")
    List<MunicipalLink> findByNormalizedUrlIn(Collection<String> normalizedUrls);
}
