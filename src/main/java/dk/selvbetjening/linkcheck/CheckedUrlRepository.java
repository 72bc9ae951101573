package dk.selvbetjening.linkcheck;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CheckedUrlRepository extends JpaRepository<CheckedUrl, UUID> {

    Optional<CheckedUrl> findByUrl(String url);

    List<CheckedUrl> findByUrlIn(Collection<String> urls);

    /**
     * Watched URLs never checked or last checked before {@code before}, each with the validators to send (null when
     * there are none) and how long its last check took (null when never checked).
     */
    default List<Due> findDue(Instant before) {
        return findDueRows(before).stream()
                .map(row -> new Due((String) row[0], row[1] == null ? null
                        : Validators.of((String) row[1], (String) row[2], (String) row[3]), (Long) row[4]))
                .toList();
    }

    @Query("select c.url, c.finalUrl, c.etag, c.lastModified, c.responseTimeMillis from CheckedUrl c "
            + "where c.watchers is not empty and (c.checkedAt is null or c.checkedAt < :before)")
    List<Object[]> findDueRows(@Param("before") Instant before);

    /**
     * A URL due for a check, what to send to check it conditionally (null: check it in full) and how long its last
     * check took (null: never checked).
     */
    record Due(String url, Validators previous, Long lastMillis) {
    }
}
