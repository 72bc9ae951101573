package dk.selvbetjening.actionpage;

import java.time.Instant;
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

    @Query("select min(p.goLiveAt) from ActionPage p where p.goLiveAt is not null")
    Optional<Instant> nextGoLive();
}
