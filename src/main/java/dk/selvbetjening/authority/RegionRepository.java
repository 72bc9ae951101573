package dk.selvbetjening.authority;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegionRepository extends JpaRepository<Region, Integer> {

    List<Region> findAllByOrderByCodeAsc();
}
