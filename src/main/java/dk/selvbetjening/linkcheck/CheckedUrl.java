package dk.selvbetjening.linkcheck;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A distinct URL, the links that watch it, and its latest result. Checks and watch changes may meet (a scheduled
 * run, a check on demand, an editor's change), hence the version.
 */
@Entity
@Table(name = "checked_url")
class CheckedUrl {

    static final int WATCHER_MAX = 200;

    @Id
    private UUID id;

    @Column(nullable = false)
    private String url;

    @ElementCollection
    @CollectionTable(name = "checked_url_watcher", joinColumns = @JoinColumn(name = "checked_url_id"))
    @Column(name = "watcher", nullable = false)
    private Set<String> watchers = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    private LinkOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "problem_code")
    private LinkProblem problem;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(name = "final_url")
    private String finalUrl;

    private Integer redirects;

    @Column(name = "response_time_ms")
    private Long responseTimeMillis;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "checked_at")
    private Instant checkedAt;

    /** The validators of the last good answer (from {@link #finalUrl}); null when there are none to send. */
    private String etag;

    @Column(name = "last_modified")
    private String lastModified;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected CheckedUrl() {
    }

    /** {@code url} must be normalized ({@link LinkUrl#normalize}). */
    CheckedUrl(UUID id, String url, Instant now) {
        if (url == null || url.length() > LinkUrl.MAX_LENGTH || !LinkUrl.normalize(url).orElse("").equals(url)) {
            throw new IllegalArgumentException("Not a normalized http(s) URL: " + url);
        }
        this.id = id;
        this.url = url;
        this.createdAt = now;
    }

    /** Removes a link that used this URL (links are added in bulk by {@link WatcherRows}); false when it wasn't. */
    boolean unwatch(String watcher) {
        return watchers.remove(watcher);
    }

    /**
     * Stores a check's verdict. A failure makes the link broken only once it has failed {@code failuresBeforeBroken}
     * times in a row; any other answer resets the count.
     */
    void record(LinkChecker.Verdict verdict, int failuresBeforeBroken, Instant at) {
        LinkProblem found = verdict.problem();
        if (found != null && found.failure()) {
            consecutiveFailures++;
            outcome = consecutiveFailures >= failuresBeforeBroken ? LinkOutcome.BROKEN : LinkOutcome.CAUTION;
        } else {
            consecutiveFailures = 0;
            outcome = found == null ? LinkOutcome.OK : found.outcome();
        }
        problem = found;
        httpStatus = verdict.httpStatus();
        finalUrl = verdict.finalUrl() == null || verdict.finalUrl().length() > LinkUrl.MAX_LENGTH ? null
                : verdict.finalUrl();
        redirects = verdict.redirects();
        responseTimeMillis = verdict.responseTimeMillis();
        checkedAt = at;
        Validators validators = verdict.validators();
        boolean keep = validators != null && validators.url().equals(finalUrl);
        etag = keep ? validators.etag() : null;
        lastModified = keep ? validators.lastModified() : null;
    }

    /** What to send when this URL is checked again: the last good answer's validators; null when there are none. */
    Validators validators() {
        return finalUrl == null ? null : Validators.of(finalUrl, etag, lastModified);
    }

    String url() {
        return url;
    }

    LinkOutcome outcome() {
        return outcome;
    }

    LinkProblem problem() {
        return problem;
    }

    Integer httpStatus() {
        return httpStatus;
    }

    String finalUrl() {
        return finalUrl;
    }

    int redirects() {
        return redirects == null ? 0 : redirects;
    }

    long responseTimeMillis() {
        return responseTimeMillis == null ? 0 : responseTimeMillis;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    Instant checkedAt() {
        return checkedAt;
    }

    boolean checked() {
        return checkedAt != null;
    }
}
