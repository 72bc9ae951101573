package dk.selvbetjening.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutboxMailRepository extends JpaRepository<OutboxMail, UUID> {

    @Query("select m.id from OutboxMail m where m.status = dk.selvbetjening.notification.MailStatus.PENDING "
            + "and m.nextAttemptAt <= :now order by m.nextAttemptAt")
    List<UUID> findDue(Instant now, Pageable page);

    @Query("select m from OutboxMail m where m.status = dk.selvbetjening.notification.MailStatus.SENDING "
            + "and m.claimedAt < :before")
    List<OutboxMail> findStuck(Instant before);

    long countByStatus(MailStatus status);

    List<OutboxMail> findTop200ByOrderByCreatedAtDesc();

    List<OutboxMail> findByRecipientOrderByCreatedAtAsc(String recipient);
}
