package dk.selvbetjening.audit;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntryRepository extends JpaRepository<AuditEntry, UUID> {

    List<AuditEntry> findBySubjectTypeAndSubjectIdOrderByOccurredAtAsc(String subjectType, String subjectId);

    Page<AuditEntry> findAllByOrderByOccurredAtDesc(Pageable pageable);

    Page<AuditEntry> findBySubjectTypeOrderByOccurredAtDesc(String subjectType, Pageable pageable);
}
