package dk.selvbetjening.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Accounts. Logins change the failure count and lock with single UPDATE statements: the database serialises
 * concurrent logins of one account on its row, so every failure is counted and none meets the entity's version.
 */
interface AccountRepository extends JpaRepository<Account, UUID> {

    Optional<Account> findByEmail(String email);

    List<Account> findAllByOrderByEmailAsc();

    @Query("select a.id from Account a where a.email = :email")
    Optional<UUID> findIdByEmail(String email);

    /** What a logged-in session must compare on each request, in one query. */
    @Query("select new dk.selvbetjening.account.SessionState(a.enabled, a.mustChangePassword, a.securityStamp, "
            + "a.authorityId) "
            + "from Account a where a.id = :id")
    Optional<SessionState> findSessionState(UUID id);

    /** Counts one failed login; 0 when there is no such account. */
    @Modifying
    @Query("update Account a set a.failedAttempts = a.failedAttempts + 1 where a.email = :email")
    int countFailedLogin(String email);

    /**
     * Locks the account until {@code until} and starts the count again, when {@code max} failures are reached; 1 when
     * this call locked it. In the same transaction as {@link #countFailedLogin}, which holds the row until commit.
     */
    @Modifying
    @Query("update Account a set a.lockedUntil = :until, a.failedAttempts = 0 "
            + "where a.email = :email and a.failedAttempts >= :max")
    int lockAfterFailedLogins(String email, int max, Instant until);

    @Modifying
    @Query("update Account a set a.failedAttempts = 0 where a.email = :email and a.failedAttempts > 0")
    int resetFailedLogins(String email);
}
