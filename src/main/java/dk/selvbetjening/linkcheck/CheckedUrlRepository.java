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

    /** The URLs {@code watcher} watches. */
    @Query("select c from CheckedUrl c join c.watchers w where w = :watcher")
    List<CheckedUrl> findWatchedBy(@Param("watcher") String watcher);

    /** Watched URLs never checked or last checked before {@code before}. */
    @Query("select c.url from CheckedUrl c where c.watchers is not empty "
            + "and (c.checkedAt is null or c.checkedAt < :before)")
    List<String> findDueUrls(@Param("before") Instant before);
}
