package dk.selvbetjening.linkcheck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dk.selvbetjening.linkcheck.LinkChecker.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The link check's API. Other modules {@link #watch watch} the URLs their links use (each distinct URL is checked
 * once, however many links use it), {@link #check check} a URL on demand (before publishing, say) and read
 * {@link #latest latest} results; {@link UrlChecked} follows every stored check.
 *
 * <p>No method holds a database transaction while it waits for the network: each writes in short transactions of
 * its own (retried on a concurrent change), which is why they are not {@code @Transactional}.
 */
@Service
public class LinkCheckService {

    private static final Logger log = LoggerFactory.getLogger(LinkCheckService.class);
    static final Locale DANISH = Locale.forLanguageTag("da");
    private static final int WRITE_TRIES = 10;
    /** About how many URLs {@link #watchAll} writes in one transaction when it is not in one already. */
    static final int WATCH_CHUNK = 1000;

    private final CheckedUrlRepository urls;
    private final WatcherRows watchers;
    private final LinkChecker checker;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LinkCheckProperties properties;
    private final LinkCheckMetrics metrics;
    private final ConcurrentMap<String, CompletableFuture<LinkCheckResult>> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Where URLs first watched go while a run is going; null between runs. */
    private volatile RunIntake intake;

    LinkCheckService(CheckedUrlRepository urls, WatcherRows watchers, LinkChecker checker,
            TransactionTemplate transactions, MessageSource messages, ApplicationEventPublisher events, Clock clock,
            LinkCheckProperties properties, LinkCheckMetrics metrics) {
        this.urls = urls;
        this.watchers = watchers;
        this.checker = checker;
        this.transactions = transactions;
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
        if (messages.getMessage("linkcheck.problem.SLOW", null, null, DANISH) == null) {
            log.warn("The Danish link check texts are missing: add i18n/linkcheck to spring.messages.basename");
        }
    }

    /**
     * Has the schedule check {@code url} for the link {@code watcher} (e.g. {@code municipallink:<id>}). Idempotent
     * per (url, watcher), so an event delivered twice does no harm.
     *
     * @throws IllegalArgumentException when {@code url} is no absolute http(s) URL or the watcher is blank
     */
    public void watch(String url, String watcher) {
        watchAll(List.of(new UrlWatch(url, watcher)));
    }

    /**
     * {@link #watch} for many links at once, with batched writes: URLs already watched by the same link are skipped,
     * so it is idempotent, and duplicates in {@code watches} count once. Nothing is written when one of them is
     * invalid. Called outside a transaction, it commits every {@value #WATCH_CHUNK} URLs or so (a run going takes in
     * the new URLs as each part is committed); inside one, it writes in that transaction.
     *
     * @throws IllegalArgumentException when a URL is no absolute http(s) URL or a watcher is blank or too long
     */
    public void watchAll(Collection<UrlWatch> watches) {
        Map<String, Set<String>> wanted = new HashMap<>();
        for (UrlWatch watch : watches) {
            wanted.computeIfAbsent(validWatcher(watch.watcher()), w -> new HashSet<>()).add(normalized(watch.url()));
        }
        writeWatchers(wanted, false);
    }

    /**
     * The link {@code watcher} now uses exactly {@code wanted} (often one URL, or none): watches those and stops
     * watching any other it watched before — for a link whose URL changed. Invalid URLs in {@code wanted} are
     * skipped.
     *
     * @throws IllegalArgumentException when the watcher is blank or too long
     */
    public void watchOnly(String watcher, Collection<String> wanted) {
        watchOnly(Map.of(watcher, wanted));
    }

    /**
     * {@link #watchOnly(String, Collection)} for many links at once (each key a watcher, its value the URLs it now
     * uses), with batched writes, committed in parts as {@link #watchAll} is (each watcher's URLs in one part).
     *
     * @throws IllegalArgumentException when a watcher is blank or too long; nothing is written then
     */
    public void watchOnly(Map<String, ? extends Collection<String>> wantedByWatcher) {
        Map<String, Set<String>> wanted = new HashMap<>();
        wantedByWatcher.forEach((watcher, urls) -> wanted.put(validWatcher(watcher), urls.stream()
                .map(LinkUrl::normalize).flatMap(Optional::stream).collect(Collectors.toSet())));
        writeWatchers(wanted, true);
    }

    private void writeWatchers(Map<String, Set<String>> wanted, boolean only) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            writeWatcherPart(wanted, only);
            return;
        }
        Map<String, Set<String>> part = new HashMap<>();
        int size = 0;
        for (Map.Entry<String, Set<String>> watcher : wanted.entrySet()) {
            part.put(watcher.getKey(), watcher.getValue());
            size += Math.max(1, watcher.getValue().size());
            if (size >= WATCH_CHUNK) {
                writeWatcherPart(part, only);
                part = new HashMap<>();
                size = 0;
            }
        }
        writeWatcherPart(part, only);
    }

    /** Writes watchers in one transaction; once it commits, a run going takes in the URLs it added. */
    private void writeWatcherPart(Map<String, Set<String>> wanted, boolean only) {
        if (wanted.isEmpty()) {
            return;
        }
        write(() -> {
            List<String> added = watchers.watch(wanted, only, now());
            if (!added.isEmpty()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        RunIntake going = intake;
                        if (going != null) {
                            going.offer(added);
                        }
                    }
                });
            }
            return null;
        });
    }

    private static String validWatcher(String watcher) {
        if (watcher == null || watcher.isBlank() || watcher.length() > CheckedUrl.WATCHER_MAX) {
            throw new IllegalArgumentException("A watcher is 1-" + CheckedUrl.WATCHER_MAX + " characters");
        }
        return watcher;
    }

    /** The link {@code watcher} no longer uses {@code url}; a URL no link uses is no longer checked on schedule. */
    public void unwatch(String url, String watcher) {
        Optional<String> normalized = LinkUrl.normalize(url);
        if (normalized.isEmpty()) {
            return;
        }
        write(() -> {
            urls.findByUrl(normalized.get()).ifPresent(checked -> {
                if (checked.unwatch(watcher)) {
                    urls.saveAndFlush(checked);
                }
            });
            return null;
        });
    }

    /**
     * Checks {@code url} now and stores the result, waiting for the host's turn like any check. A URL already being
     * checked is not requested twice: the caller gets that check's result. An invalid URL is BROKEN at once and not
     * stored.
     */
    public LinkCheckResult check(String url) {
        Optional<String> normalized = LinkUrl.normalize(url);
        if (normalized.isEmpty()) {
            return invalid(url);
        }
        CompletableFuture<LinkCheckResult> mine = new CompletableFuture<>();
        CompletableFuture<LinkCheckResult> other = inFlight.putIfAbsent(normalized.get(), mine);
        if (other != null) {
            return other.join();
        }
        try {
            LinkCheckResult result = record(normalized.get(), checker.check(normalized.get()));
            metrics.checked(result.outcome());
            mine.complete(result);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            IllegalStateException stopped = new IllegalStateException("Interrupted while checking " + url, e);
            mine.completeExceptionally(stopped);
            throw stopped;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(normalized.get(), mine);
        }
    }

    /** The stored result of {@code url}'s latest check; empty when it was never checked. */
    public Optional<LinkCheckResult> latest(String url) {
        return LinkUrl.normalize(url).flatMap(normalized ->
                reads.execute(status -> urls.findByUrl(normalized).filter(CheckedUrl::checked).map(this::toResult)));
    }

    /** The stored results of those of {@code urls} that were checked, by normalized URL. */
    public Map<String, LinkCheckResult> latest(Collection<String> wanted) {
        List<String> normalized = wanted.stream().map(LinkUrl::normalize).flatMap(Optional::stream).distinct().toList();
        Map<String, LinkCheckResult> results = new LinkedHashMap<>();
        reads.executeWithoutResult(status -> urls.findByUrlIn(normalized).stream().filter(CheckedUrl::checked)
                .forEach(c -> results.put(c.url(), toResult(c))));
        return results;
    }

    /** The normalized spelling of {@code url} under which it is checked and stored; empty if it can't be checked. */
    public Optional<String> normalize(String url) {
        return LinkUrl.normalize(url);
    }

    /**
     * Checks every watched URL that is due (never checked, or not within the last half interval) and returns when
     * all are done. A URL last found good is checked conditionally (see {@link LinkChecker}): unchanged is still
     * good. URLs first watched while the run goes join it (once the transaction that watched them commits) until its
     * last check is done; after that they wait for the next run. Verdicts are stored in batches by a thread of its
     * own, each batch in one transaction with its {@link UrlChecked} events: a verdict counts (and its event is
     * published) only once committed, and a URL whose verdict was not stored (the application stopped) stays due.
     * Does nothing when a run is going already.
     */
    public LinkCheckRun checkDue() {
        if (!running.compareAndSet(false, true)) {
            log.info("A link check run is going already; not starting another");
            return LinkCheckRun.notStarted();
        }
        long started = System.nanoTime();
        try {
            // URLs first watched from now on are taken in by this run (RunIntake), those before are due
            RunIntake taking = new RunIntake();
            intake = taking;
            Instant before = clock.instant().minus(properties.interval().dividedBy(2));
            List<CheckedUrlRepository.Due> dueUrls = reads.execute(status -> urls.findDue(before));
            // the slowest last time first, never checked before them: a slow page started last would keep the run
            // going with one request under way, so the quick ones come last and fill the gaps
            List<String> due = dueUrls.stream()
                    .sorted(Comparator.comparingLong((CheckedUrlRepository.Due d) ->
                            d.lastMillis() == null ? Long.MAX_VALUE : d.lastMillis()).reversed())
                    .map(CheckedUrlRepository.Due::url).toList();
            Map<String, Validators> previous = new HashMap<>();
            dueUrls.stream().filter(d -> d.previous() != null).forEach(d -> previous.put(d.url(), d.previous()));
            Map<LinkOutcome, AtomicInteger> outcomes = new EnumMap<>(LinkOutcome.class);
            for (LinkOutcome outcome : LinkOutcome.values()) {
                outcomes.put(outcome, new AtomicInteger());
            }
            AtomicInteger checked = new AtomicInteger();
            Recorder recorder = new Recorder(result -> {
                outcomes.get(result.outcome()).incrementAndGet();
                checked.incrementAndGet();
            });
            Thread recording = new Thread(recorder, "linkcheck-recorder");
            recording.setDaemon(true);
            recording.start();
            LinkChecker.Run run;
            try {
                LinkChecker.RunListener listener = new LinkChecker.RunListener() {
                    @Override
                    public boolean claim(String url) {
                        return inFlight.putIfAbsent(url, new CompletableFuture<>()) == null;
                    }

                    @Override
                    public void completed(String url, Verdict verdict) {
                        recorder.add(url, verdict);
                    }

                    @Override
                    public void abandoned(String url) {
                        release(url);
                    }
                };
                run = taking.attach(early -> checker.start(early.isEmpty() ? due
                        : Stream.concat(due.stream(), early.stream()).toList(), previous, listener));
                run.await();
            } finally {
                intake = null;
                recorder.finish();
                recording.join();
            }
            Map<LinkOutcome, Integer> counts = new EnumMap<>(LinkOutcome.class);
            outcomes.forEach((outcome, n) -> counts.put(outcome, n.get()));
            LinkCheckRun result = new LinkCheckRun(true, run.size(), checked.get(), counts,
                    Duration.ofNanos(System.nanoTime() - started));
            log.info("Link check run: {} due, {} checked, {} in {}", result.due(), result.checked(), counts,
                    result.took());
            metrics.ran(result);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Link check run interrupted", e);
        } finally {
            running.set(false);
        }
    }

    private LinkCheckResult record(String url, Verdict verdict) {
        CheckedUrl stored = write(() -> {
            CheckedUrl checked = urls.findByUrl(url)
                    .orElseGet(() -> new CheckedUrl(UUID.randomUUID(), url, now()));
            LinkOutcome previous = checked.outcome();
            checked.record(verdict, properties.failuresBeforeBroken(), now());
            urls.saveAndFlush(checked);
            events.publishEvent(new UrlChecked(url, checked.outcome(), previous, checked.problem(),
                    checked.httpStatus(), checked.consecutiveFailures(), checked.checkedAt()));
            return checked;
        });
        return toResult(stored);
    }

    /** A URL a run claimed is given up unstored (the run stopped): whoever waits for it hears so, and it stays due. */
    private void release(String url) {
        CompletableFuture<LinkCheckResult> claimed = inFlight.remove(url);
        if (claimed != null) {
            claimed.completeExceptionally(new IllegalStateException("The run stopped before storing the check"));
        }
    }

    /** Stores a batch of a run's verdicts in one transaction; one by one if that fails. */
    private void store(List<Checked> batch, Consumer<LinkCheckResult> stored) {
        List<CheckedUrl> rows = null;
        try {
            rows = write(() -> {
                Map<String, CheckedUrl> byUrl = new HashMap<>();
                urls.findByUrlIn(batch.stream().map(Checked::url).toList()).forEach(c -> byUrl.put(c.url(), c));
                List<CheckedUrl> changed = new ArrayList<>(batch.size());
                for (Checked c : batch) {
                    CheckedUrl row = byUrl.computeIfAbsent(c.url(), u -> new CheckedUrl(UUID.randomUUID(), u, now()));
                    LinkOutcome previous = row.outcome();
                    row.record(c.verdict(), properties.failuresBeforeBroken(), now());
                    events.publishEvent(new UrlChecked(row.url(), row.outcome(), previous, row.problem(),
                            row.httpStatus(), row.consecutiveFailures(), row.checkedAt()));
                    changed.add(row);
                }
                urls.saveAll(changed);
                urls.flush();
                return changed;
            });
        } catch (RuntimeException e) {
            log.warn("Could not store {} link checks together; storing them one by one", batch.size(), e);
        }
        for (int i = 0; i < batch.size(); i++) {
            String url = batch.get(i).url();
            CompletableFuture<LinkCheckResult> claimed = inFlight.get(url);
            try {
                LinkCheckResult result = rows != null ? toResult(rows.get(i)) : record(url, batch.get(i).verdict());
                stored.accept(result);
                if (claimed != null) {
                    claimed.complete(result);
                }
            } catch (RuntimeException e) {
                log.warn("Could not store the check of {}", url, e);
                if (claimed != null) {
                    claimed.completeExceptionally(e);
                }
            } finally {
                if (claimed != null) {
                    inFlight.remove(url, claimed);
                }
            }
        }
    }

    /**
     * Takes a run's verdicts from the workers and stores them in batches on a thread of its own, so a request slot
     * never waits for the database.
     */
    private final class Recorder implements Runnable {

        private static final int BATCH = 200;
        private final Checked end = new Checked(null, null);
        private final BlockingQueue<Checked> queue = new LinkedBlockingQueue<>();
        private final Consumer<LinkCheckResult> stored;
        private boolean finished;

        Recorder(Consumer<LinkCheckResult> stored) {
            this.stored = stored;
        }

        /** Takes a verdict to store; one that comes after the run stopped is not stored, so its URL stays due. */
        void add(String url, Verdict verdict) {
            synchronized (this) {
                if (!finished) {
                    queue.add(new Checked(url, verdict));
                    return;
                }
            }
            release(url);
        }

        synchronized void finish() {
            finished = true;
            queue.add(end);
        }

        @Override
        public void run() {
            List<Checked> batch = new ArrayList<>(BATCH);
            boolean ended = false;
            while (!ended) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                queue.drainTo(batch, BATCH - 1);
                ended = batch.remove(end);
                if (!batch.isEmpty()) {
                    store(batch, stored);
                    batch.clear();
                }
            }
        }
    }

    private record Checked(String url, Verdict verdict) {
    }

    /**
     * Hands the URLs first watched while a run is going to that run: those committed before the run's checks have
     * started are kept until it has, so none falls between the run's list of due URLs and the run.
     */
    private static final class RunIntake {

        private LinkChecker.Run run;
        private List<String> early = new ArrayList<>();

        synchronized void offer(List<String> added) {
            if (run == null) {
                early.addAll(added);
            } else {
                run.offer(added);
            }
        }

        /** Starts the run with the URLs watched so far; the run takes the URLs watched from now on. */
        synchronized LinkChecker.Run attach(Function<List<String>, LinkChecker.Run> start) {
            run = start.apply(early);
            early = null;
            return run;
        }
    }

    /** Runs {@code work} in a transaction of its own, again if a concurrent change got in the way. */
    private <T> T write(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
                if (attempt >= WRITE_TRIES) {
                    throw e;
                }
                // another writer added the same new URL: the next try finds it. Many listeners registering at once
                // (the demo content, an import) can meet again, so they wait a little, each a different while.
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private LinkCheckResult toResult(CheckedUrl c) {
        LinkProblem code = c.problem();
        String problem = null;
        String suggestion = null;
        if (code != null) {
            Object[] args = {
                    c.httpStatus() == null ? "" : String.valueOf(c.httpStatus()),
                    c.finalUrl() == null ? "" : c.finalUrl(),
                    c.redirects(),
                    c.responseTimeMillis(),
                    c.consecutiveFailures(),
                    properties.failuresBeforeBroken(),
                    properties.slowThreshold().toMillis(),
                    properties.maxRedirects()};
            problem = text("linkcheck.problem." + code.name(), args);
            suggestion = text("linkcheck.suggestion." + code.name(), args);
            if (code.failure() && c.outcome() == LinkOutcome.CAUTION) {
                Object[] failing = Arrays.copyOf(args, args.length + 1);
                failing[args.length] = problem;
                problem = text("linkcheck.problem.failing", failing);
                suggestion = text("linkcheck.suggestion.failing", failing);
            }
        }
        return new LinkCheckResult(c.url(), c.outcome(), c.httpStatus(), c.finalUrl(), c.redirects(),
                c.responseTimeMillis(), c.consecutiveFailures(), c.checkedAt(), code, problem, suggestion);
    }

    private LinkCheckResult invalid(String url) {
        Object[] args = {"", "", 0, 0L, 0, properties.failuresBeforeBroken(), properties.slowThreshold().toMillis(),
                properties.maxRedirects()};
        return new LinkCheckResult(url, LinkOutcome.BROKEN, null, null, 0, 0, 0, now(),
                LinkProblem.INVALID_URL,
                text("linkcheck.problem.INVALID_URL", args), text("linkcheck.suggestion.INVALID_URL", args));
    }

    /** A Danish text; its key when the texts are missing, so a stored check is never lost over a text. */
    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, key, DANISH);
    }

    /** Now, to the microsecond the database keeps, so a stored result reads back equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String normalized(String url) {
        return LinkUrl.normalize(url)
                .orElseThrow(() -> new IllegalArgumentException("Not an absolute http(s) URL: " + url));
    }
}
