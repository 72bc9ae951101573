package dk.selvbetjening.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SelfServiceRepository extends JpaRepository<SelfService, UUID> {

    Optional<SelfService> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<SelfService> findByStatusOrderByTitleAsc(SelfServiceStatus status);

    List<SelfService> findByIdInAndStatus(Collection<UUID> ids, SelfServiceStatus status);

    List<SelfService> findAllByOrderByTitleAsc();

    List<SelfService> findByNormalizedUrlOrderByTitleAsc(String normalizedUrl);

    List<SelfService> findByNormalizedUrlIn(Collection<String> normalizedUrls);
}
