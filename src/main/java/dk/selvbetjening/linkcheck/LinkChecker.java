package dk.selvbetjening.linkcheck;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLException;

import dk.selvbetjening.linkcheck.AddressPolicy.ForbiddenAddressException;
import dk.selvbetjening.linkcheck.HttpFetcher.Hop;
import dk.selvbetjening.linkcheck.HttpFetcher.RequestTimedOut;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks URLs: follows redirects itself (each hop requested through the {@link HostGate}, loops and long chains
 * caught, suspicious hosts never requested), retries after 429/503 as the server asks (capped), and judges the
 * final answer. {@link #checkAll} checks many URLs with at most {@code concurrency} requests under way.
 * Knows nothing of the database: {@link LinkCheckService} stores what it finds.
 *
 * <p>A URL checked before and found good comes with its {@link Validators}: it is re-checked with a conditional HEAD
 * ({@code If-None-Match} / {@code If-Modified-Since}), and a 304, or a 2xx with the same validators, means
 * "unchanged, still good" without downloading the page. Any other answer to the HEAD gets a (conditional) GET, which
 * judges as always; a host that answers HEAD with 405 or 501, or with an error where GET works, is remembered and
 * gets GET only from then on (until restart). A URL without validators is checked with GET: the body is needed for
 * the soft-404 check.
 */
final class LinkChecker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LinkChecker.class);

    private final LinkCheckProperties properties;
    private final SuspiciousDomains suspicious;
    /**
     * The HTTP client, built on the first request ({@link #http()}): building it loads the trust store and sets up
     * TLS, which an application that never checks a link (link checking off, a test) should not pay for at start-up.
     */
    private volatile HttpFetcher http;
    /** Guards building and closing {@link #http}; {@code closed} is set once {@link #close()} ran. */
    private final Object httpLock = new Object();
    private boolean closed;
    private final HostGate gate;
    private final Clock clock;
    private final ThreadPoolExecutor workers;
    /** Hosts where HEAD is refused or answered wrongly; bounded by the hosts of the watched URLs. */
    private final Set<String> noHead = ConcurrentHashMap.newKeySet();

    LinkChecker(LinkCheckProperties properties, SuspiciousDomains suspicious, Clock clock) {
        this.properties = properties;
        this.suspicious = suspicious;
        this.clock = clock;
        this.gate = new HostGate(properties.perHostConcurrency(), properties.perHostInterval());
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(properties.concurrency(), properties.concurrency(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "linkcheck-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.workers.allowCoreThreadTimeOut(true);
    }

    /** Checks one normalized URL now, in the caller's thread; waits for the host's turn and any backoff. */
    Verdict check(String url) throws InterruptedException {
        return check(url, null);
    }

    /** As {@link #check(String)}, conditionally when {@code previous} (the last good answer's validators) is given. */
    Verdict check(String url, Validators previous) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Attempt result = attempt(url, attempt, false, previous);
            if (result instanceof Done done) {
                return done.verdict();
            }
        }
    }

    /**
     * Checks normalized URLs concurrently and returns when all are done. Hosts take turns; a URL that must wait for
     * a backoff goes back in line without holding a worker. {@code listener.claim} may decline a URL (being checked
     * elsewhere); {@code listener.completed} gets each verdict, in a worker thread.
     */
    void checkAll(Collection<String> urls, RunListener listener) throws InterruptedException {
        checkAll(urls, Map.of(), listener);
    }

    /** As {@link #checkAll(Collection, RunListener)}; URLs found in {@code previous} are checked conditionally. */
    void checkAll(Collection<String> urls, Map<String, Validators> previous, RunListener listener)
            throws InterruptedException {
        start(urls, previous, listener).await();
    }

    /**
     * Starts checking {@code urls} as {@link #checkAll(Collection, Map, RunListener)} does and returns the run at
     * once: {@link Run#offer} adds URLs while it goes, {@link Run#await} waits for its end.
     */
    Run start(Collection<String> urls, Map<String, Validators> previous, RunListener listener) {
        Run run = new Run(listener);
        for (String url : urls) {
            if (run.taken.add(url)) {
                run.queue.add(LinkUrl.host(url), new Job(url, 0, previous.get(url)));
            }
        }
        run.addWorkers();
        return run;
    }

    /**
     * One run's URLs, checked by up to {@code concurrency} workers. It is over when every URL it took is done; from
     * then on it takes no more.
     */
    final class Run {

        private final HostGate.Queue<Job> queue = new HostGate.Queue<>();
        private final Set<String> taken = ConcurrentHashMap.newKeySet();
        private final RunListener listener;
        /** The waiting caller and the workers under way. */
        private final Phaser parties = new Phaser(1);
        private int started;

        private Run(RunListener listener) {
            this.listener = listener;
        }

        /**
         * Adds URLs (checked in full: new ones) to the run if it is still going, skipping those it has already; false
         * when the run is over, so they wait for the next.
         */
        boolean offer(Collection<String> urls) {
            List<Map.Entry<String, Job>> jobs = new ArrayList<>();
            for (String url : urls) {
                if (!taken.contains(url)) {
                    jobs.add(Map.entry(LinkUrl.host(url), new Job(url, 0, null)));
                }
            }
            if (jobs.isEmpty()) {
                return gate.outstanding(queue) > 0;
            }
            if (!gate.offer(queue, jobs)) {
                return false;
            }
            jobs.forEach(job -> taken.add(job.getValue().url()));
            addWorkers();
            return true;
        }

        /** How many URLs the run has taken, at the start and since. */
        int size() {
            return taken.size();
        }

        /**
         * Waits until every URL the run took is done (or its workers stopped). Interrupted, it stops the run: the URLs
         * not started are dropped (those claimed already abandoned) and the requests under way end on their own.
         */
        void await() throws InterruptedException {
            try {
                parties.awaitAdvanceInterruptibly(parties.arrive());
            } catch (InterruptedException e) {
                for (Job dropped : gate.drain(queue)) {
                    if (dropped.attempt() > 0) {
                        listener.abandoned(dropped.url());
                    }
                }
                throw e;
            }
        }

        /** Starts workers up to the concurrency, no more than there are URLs waiting. */
        private synchronized void addWorkers() {
            int wanted = Math.min(properties.concurrency(), gate.outstanding(queue));
            for (; started < wanted; started++) {
                parties.register();
                workers.execute(() -> {
                    try {
                        work(queue, listener);
                    } finally {
                        parties.arriveAndDeregister();
                    }
                });
            }
        }
    }

    private void work(HostGate.Queue<Job> queue, RunListener listener) {
        for (;;) {
            Job job;
            try {
                job = gate.takeReady(queue);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (job == null) {
                return;
            }
            String host = LinkUrl.host(job.url());
            if (job.attempt() == 0 && !listener.claim(job.url())) {
                gate.release(host);
                gate.finish(queue);
                continue;
            }
            Attempt result;
            try {
                result = attempt(job.url(), job.attempt(), true, job.previous());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                gate.finish(queue);
                listener.abandoned(job.url());
                return;
            } catch (RuntimeException e) {
                log.warn("Checking {} failed unexpectedly", job.url(), e);
                result = new Done(new Verdict(LinkProblem.CONNECTION_FAILED, null, job.url(), 0, 0));
            }
            if (result instanceof RetryLater) {
                gate.requeue(queue, host, new Job(job.url(), job.attempt() + 1, job.previous()));
                continue;
            }
            try {
                listener.completed(job.url(), ((Done) result).verdict());
            } catch (RuntimeException e) {
                log.warn("Could not record the check of {}", job.url(), e);
            } finally {
                gate.finish(queue);
            }
        }
    }

    /**
     * One try at a URL: a conditional HEAD when {@code previous} validators are known and the host allows HEAD, and a
     * (conditional) GET when that tells nothing. With {@code holdingFirst}, the caller has already been let through the
     * gate for the URL's host.
     */
    private Attempt attempt(String url, int attempt, boolean holdingFirst, Validators previous)
            throws InterruptedException {
        if (previous == null || noHead.contains(LinkUrl.host(url))) {
            return attempt(url, attempt, holdingFirst, previous, false);
        }
        Attempt headed = attempt(url, attempt, holdingFirst, previous, true);
        if (!(headed instanceof HeadTellsNothing fallback)) {
            return headed;
        }
        if (fallback.refused()) {
            noHead.add(fallback.host());
        }
        Attempt got = attempt(url, attempt, false, previous, false);
        if (fallback.failed() && got instanceof Done done && done.verdict().httpStatus() != null
                && done.verdict().httpStatus() < 400) {
            noHead.add(fallback.host());   // HEAD failed where GET works: HEAD looks wrong on this host
        }
        return got;
    }

    /**
     * One try at a URL with one method, following its redirects; the request to {@code previous.url()} is
     * conditional. Every permit taken here is given back here.
     */
    private Attempt attempt(String url, int attempt, boolean holdingFirst, Validators previous, boolean head)
            throws InterruptedException {
        boolean holding = holdingFirst;
        String firstHost = LinkUrl.host(url);
        try {
            CookieStore cookies = new BasicCookieStore();
            Set<String> visited = new HashSet<>();
            String current = url;
            int redirects = 0;
            long nanos = 0;
            for (;;) {
                String host = LinkUrl.host(current);
                if (suspicious.matches(host)) {
                    return done(LinkProblem.SUSPICIOUS_DOMAIN, null, current, redirects, nanos);
                }
                if (head && noHead.contains(host)) {
                    return new HeadTellsNothing(host, false, false);
                }
                visited.add(current + '\n' + cookies.getCookies());
                if (holding && !host.equals(firstHost)) {
                    gate.release(firstHost);
                    holding = false;
                }
                if (!holding) {
                    gate.acquire(host);
                }
                holding = false;
                Hop hop;
                Duration backOff = null;
                Validators conditional = previous != null && current.equals(previous.url()) ? previous : null;
                try {
                    hop = head ? http().head(current, cookies, conditional)
                            : http().get(current, cookies, conditional);
                    if (!hop.failed() && (hop.status() == 429 || hop.status() == 503)
                            && attempt < properties.maxRetries()) {
                        backOff = RetryAfter.delay(RetryAfter.parse(hop.retryAfter(), clock.instant()), attempt,
                                properties.retryAfterCap());
                        gate.backOff(host, backOff);   // before the host is released, so no request slips in
                    }
                } finally {
                    gate.release(host);
                }
                nanos += hop.nanos();
                if (hop.failed()) {
                    return done(problemOf(hop.failure()), null, current, redirects, nanos);
                }
                if (backOff != null) {
                    return new RetryLater(backOff);
                }
                int status = hop.status();
                if (isRedirect(status) && hop.location() != null) {
                    Optional<String> next = LinkUrl.resolve(current, hop.location());
                    if (next.isEmpty()) {
                        return done(LinkProblem.BAD_REDIRECT, status, current, redirects, nanos);
                    }
                    redirects++;
                    current = next.get();
                    if (redirects > properties.maxRedirects()) {
                        return done(LinkProblem.TOO_MANY_REDIRECTS, status, current, redirects, nanos);
                    }
                    if (visited.contains(current + '\n' + cookies.getCookies())) {
                        return done(LinkProblem.REDIRECT_LOOP, status, current, redirects, nanos);
                    }
                    continue;
                }
                boolean unchanged = conditional != null && (status == 304
                        || head && status >= 200 && status < 300 && conditional.sameAs(hop.etag(), hop.lastModified()));
                if (head && !unchanged) {
                    return new HeadTellsNothing(host, status == 405 || status == 501, status >= 400);
                }
                LinkProblem problem = judge(hop, redirects, nanos, unchanged);
                Validators validators = keepsValidators(problem) ? unchanged
                        ? Validators.of(current, or(hop.etag(), conditional.etag()),
                                or(hop.lastModified(), conditional.lastModified()))
                        : Validators.of(current, hop.etag(), hop.lastModified()) : null;
                return new Done(new Verdict(problem, status, current, redirects,
                        TimeUnit.NANOSECONDS.toMillis(nanos), validators));
            }
        } finally {
            if (holding) {
                gate.release(firstHost);
            }
        }
    }

    /**
     * The problem with a final answer, or null when there is none. An {@code unchanged} answer (304, or HEAD with the
     * same validators) stands for the good page seen before: its status and body are not judged again.
     */
    private LinkProblem judge(Hop hop, int redirects, long nanos, boolean unchanged) {
        int status = hop.status();
        if (unchanged) {
            return judgeGood(hop, redirects, nanos);
        }
        if (status == 404 || status == 410) {
            return LinkProblem.NOT_FOUND;
        }
        if (status >= 500) {
            return LinkProblem.SERVER_ERROR;
        }
        if (status == 429) {
            return LinkProblem.RATE_LIMITED;
        }
        if (status == 403) {
            return LinkProblem.FORBIDDEN;
        }
        if (status >= 400 || status < 200) {
            return LinkProblem.CLIENT_ERROR;
        }
        if (status >= 300) {
            return LinkProblem.BAD_REDIRECT;   // a redirect without a Location
        }
        if (SoftNotFound.matches(hop.body(), hop.contentType())) {
            return LinkProblem.SOFT_404;
        }
        return judgeGood(hop, redirects, nanos);
    }

    /** What may still be wrong with a page that answered well. */
    private LinkProblem judgeGood(Hop hop, int redirects, long nanos) {
        if (blocksRobots(hop.robotsTag())) {
            return LinkProblem.BLOCKS_ROBOTS;
        }
        if (redirects > 1) {
            return LinkProblem.REDIRECTED;
        }
        if (TimeUnit.NANOSECONDS.toMillis(nanos) > properties.slowThreshold().toMillis()) {
            return LinkProblem.SLOW;
        }
        return null;
    }

    /** What a failed request means; the cause chain is searched, as HttpClient may wrap the cause. */
    static LinkProblem problemOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ForbiddenAddressException) {
                return LinkProblem.INTERNAL_ADDRESS;
            }
            if (t instanceof RequestTimedOut) {
                return LinkProblem.TIMEOUT;
            }
            if (t instanceof SSLException) {
                return LinkProblem.TLS_PROBLEM;
            }
            if (t instanceof UnknownHostException) {
                return LinkProblem.UNKNOWN_HOST;
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return LinkProblem.TIMEOUT;
            }
        }
        return LinkProblem.CONNECTION_FAILED;
    }

    private static boolean blocksRobots(String robotsTag) {
        if (robotsTag == null) {
            return false;
        }
        for (String directive : robotsTag.toLowerCase(Locale.ROOT).split("[,;]")) {
            String d = directive.strip();
            int colon = d.indexOf(':');
            if (colon >= 0 && !d.startsWith("unavailable_after")) {
                d = d.substring(colon + 1).strip();
            }
            if (d.equals("noindex") || d.equals("none")) {
                return true;
            }
        }
        return false;
    }

    /** Validators are kept only where the page itself was found good (its body included), so a 304 means good. */
    private static boolean keepsValidators(LinkProblem problem) {
        return problem == null || problem == LinkProblem.SLOW || problem == LinkProblem.REDIRECTED;
    }

    private static String or(String first, String second) {
        return first != null ? first : second;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Done done(LinkProblem problem, Integer status, String finalUrl, int redirects, long nanos) {
        return new Done(new Verdict(problem, status, finalUrl, redirects, TimeUnit.NANOSECONDS.toMillis(nanos)));
    }

    /** Requests under way to a host right now (for tests). */
    int active(String host) {
        return gate.active(host);
    }

    /** The HTTP client, built by the first caller; refused once the checker is closed. */
    private HttpFetcher http() {
        HttpFetcher fetcher = http;
        if (fetcher != null) {
            return fetcher;
        }
        synchronized (httpLock) {
            if (closed) {
                throw new IllegalStateException("The link checker is closed");
            }
            if (http == null) {
                http = new HttpFetcher(properties);
            }
            return http;
        }
    }

    /** Whether the HTTP client has been built (for tests). */
    boolean httpClientBuilt() {
        return http != null;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        synchronized (httpLock) {
            closed = true;
            if (http != null) {
                http.close();
            }
        }
    }

    /**
     * What one check found: the problem (null when none), the final answer's status (null without one), where the
     * check ended, how many redirects it followed, how long its requests took (waiting for a turn not counted) and
     * the validators to send when it is checked again (null when the page was not found good or had none).
     */
    record Verdict(LinkProblem problem, Integer httpStatus, String finalUrl, int redirects, long responseTimeMillis,
            Validators validators) {

        Verdict(LinkProblem problem, Integer httpStatus, String finalUrl, int redirects, long responseTimeMillis) {
            this(problem, httpStatus, finalUrl, redirects, responseTimeMillis, null);
        }
    }

    /** Hears about a run's URLs. */
    interface RunListener {

        /** Whether to check this URL now; false when it is being checked already. */
        boolean claim(String url);

        void completed(String url, Verdict verdict);

        /** The run stopped before checking a claimed URL. */
        default void abandoned(String url) {
        }
    }

    private record Job(String url, int attempt, Validators previous) {
    }

    private sealed interface Attempt permits Done, RetryLater, HeadTellsNothing {
    }

    /**
     * A HEAD answer that says nothing about the page ({@code refused}: 405/501; {@code failed}: an error status, or
     * the page changed): ask again with GET.
     */
    private record HeadTellsNothing(String host, boolean refused, boolean failed) implements Attempt {
    }

    private record Done(Verdict verdict) implements Attempt {
    }

    private record RetryLater(Duration delay) implements Attempt {
    }
}
