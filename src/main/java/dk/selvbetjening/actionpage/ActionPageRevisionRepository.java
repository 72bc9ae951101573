package dk.selvbetjening.actionpage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ActionPageRevisionRepository extends JpaRepository<ActionPageRevision, ActionPageRevision.Key> {

    List<ActionPageRevision> findBySelfServiceIdOrderByNumberDesc(UUID selfServiceId);

    Optional<ActionPageRevision> findBySelfServiceIdAndNumber(UUID selfServiceId, int number);

    /** The published revision of every page citizens may see, with the page (for its publishing time). */
    @Query("""
            select r, p from ActionPageRevision r, ActionPage p
            where p.selfServiceId = r.selfServiceId and p.publishedRevision = r.number
              and p.status = dk.selvbetjening.actionpage.ActionPageStatus.PUBLISHED""")
    List<Object[]> findAllPublished();
}
