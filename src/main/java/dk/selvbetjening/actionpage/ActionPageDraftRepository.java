package dk.selvbetjening.actionpage;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActionPageDraftRepository extends JpaRepository<ActionPageDraft, UUID> {
}
