package dk.selvbetjening.authority;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AuthorityRepository extends JpaRepository<Authority, UUID> {

    Optional<Authority> findByCvrNumber(String cvrNumber);

    Optional<Authority> findByMunicipalityCode(Integer municipalityCode);

    List<Authority> findAllByOrderByNameAsc();
}
