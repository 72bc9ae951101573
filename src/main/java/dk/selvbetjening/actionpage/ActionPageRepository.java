package dk.selvbetjening.actionpage;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActionPageRepository extends JpaRepository<ActionPage, UUID> {
}
