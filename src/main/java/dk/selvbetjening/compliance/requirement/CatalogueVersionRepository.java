package dk.selvbetjening.compliance.requirement;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CatalogueVersionRepository extends JpaRepository<CatalogueVersion, Integer> {

    @Query("SELECT MAX(v.version) FROM CatalogueVersion v")
    Integer current();

    List<CatalogueVersion> findAllByOrderByVersionDesc();
}
