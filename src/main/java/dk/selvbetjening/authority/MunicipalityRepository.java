package dk.selvbetjening.authority;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MunicipalityRepository extends JpaRepository<Municipality, Integer> {

    List<Municipality> findAllByOrderByCodeAsc();
}
