package dk.selvbetjening.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** API keys. */
interface ApiKeyRepository extends JpaRepository<ApiKey, UUID> {

    Optional<ApiKey> findByLookupId(String lookupId);

    List<ApiKey> findAllByOrderByCreatedAtDesc();

    /**
     * Notes a use, at most once per {@code since} interval: a busy system does not write on every call, and the
     * statement never meets the entity's version.
     */
    @Modifying
    @Query("update ApiKey k set k.lastUsedAt = :at where k.id = :id and (k.lastUsedAt is null or k.lastUsedAt < :since)")
    int markUsed(UUID id, Instant at, Instant since);
}
