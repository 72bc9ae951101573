package dk.selvbetjening.connection;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConnectionMessageRepository extends JpaRepository<ConnectionMessage, UUID> {

    List<ConnectionMessage> findByRequestIdOrderByWrittenAtAsc(UUID requestId);
}
