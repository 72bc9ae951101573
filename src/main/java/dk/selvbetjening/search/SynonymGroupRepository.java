package dk.selvbetjening.search;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SynonymGroupRepository extends JpaRepository<SynonymGroup, UUID> {
}
