package dk.selvbetjening.actionpage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ActionPageRepository extends JpaRepository<ActionPage, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from ActionPage p where p.selfServiceId = :id")
    Optional<ActionPage> findForUpdate(UUID id);

    @Query("select p.selfServiceId from ActionPage p where p.goLiveAt <= :now order by p.goLiveAt")
    List<UUID> findDue(Instant now);

    @Query("select p.selfServiceId from ActionPage p where p.status = :status")
    List<UUID> findSelfServiceIdsByStatus(ActionPageStatus status);

    /**
     * These self-services' pages that are published or archived, each with its published revision (null when there is
     * none, or the page is archived): what citizens see of them, in one query.
     */
    @Query("""
            select p, r from ActionPage p left join ActionPageRevision r
              on r.selfServiceId = p.selfServiceId and r.number = p.publishedRevision
                and p.status = dk.selvbetjening.actionpage.ActionPageStatus.PUBLISHED
            where p.selfServiceId in :ids
              and p.status in (dk.selvbetjening.actionpage.ActionPageStatus.PUBLISHED,
                               dk.selvbetjening.actionpage.ActionPageStatus.ARCHIVED)""")
    List<Object[]> findAsCitizensSee(Collection<UUID> ids);

    @Query("select min(p.goLiveAt) from ActionPage p where p.goLiveAt is not null")
    Optional<Instant> nextGoLive();
}
