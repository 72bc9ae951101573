package dk.selvbetjening.search;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.selvbetjening.actionpage.ActionPageChanged;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageDetails;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.ActionPageStatus;
import dk.selvbetjening.authority.AuthorityChanged;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceChanged;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.shared.changes.ChangeSignals;
import dk.selvbetjening.usage.StartStatistics;
import dk.selvbetjening.usage.StartsFlushed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the table of search documents equal to what citizens can see: one row per published self-service with its
 * published action page (none when its action page is archived: the portal does not show it either). Each of the catalogue's, the action pages' and the authorities' events rewrites the rows it
 * concerns in a transaction of its own, and Hibernate Search updates the index when that transaction commits (read
 * synchronisation: searchable when the listener returns, within milliseconds of the publishing commit). The
 * listeners are {@code @ApplicationModuleListener}s (ADR 0015), so an event a crash interrupted is delivered again;
 * they re-read the current state, so running twice is harmless. {@link #syncAll} repairs everything at start-up.
 * Each write announces the documents it changed to the other nodes ({@value #KIND}, ADR 0019), whose
 * {@link SearchIndex} indexes them again from the table.
 */
@Component
class SearchDocuments {

    private static final Logger log = LoggerFactory.getLogger(SearchDocuments.class);
    static final int STARTS_DAYS = 30;
    /** What the other nodes are told changed: a search document, by its self-service's id. */
    static final String KIND = "search.document";
    /**
     * What the other nodes are told when only documents' start counts changed, and not the order by starts: they index
     * them again but keep their cached results.
     */
    static final String STARTS_KIND = "search.document-starts";

    private final SearchDocumentRepository documents;
    private final SelfServiceService services;
    private final ActionPageService actionPages;
    private final AuthorityService authorities;
    private final StartStatistics starts;
    private final Clock clock;
    private final ChangeSignals signals;
    private final SearchResultCache cache;
    private final AtomicLong generation = new AtomicLong();
    private final TransactionTemplate transaction;
    /** One writer at a time on this node, until its transaction has committed (two events for one service). */
    private final Object writing = new Object();

    SearchDocuments(SearchDocumentRepository documents, SelfServiceService services, ActionPageService actionPages,
            AuthorityService authorities, StartStatistics starts, Clock clock, PlatformTransactionManager transactions,
            ChangeSignals signals, SearchResultCache cache) {
        this.signals = signals;
        this.cache = cache;
        this.transaction = new TransactionTemplate(transactions);
        this.documents = documents;
        this.services = services;
        this.actionPages = actionPages;
        this.authorities = authorities;
        this.starts = starts;
        this.clock = clock;
    }

    @ApplicationModuleListener(id = "search.index-self-service", propagation = Propagation.NOT_SUPPORTED)
    void on(SelfServiceChanged event) {
        sync(event.selfServiceId());
    }

    @ApplicationModuleListener(id = "search.index-action-page", propagation = Propagation.NOT_SUPPORTED)
    void on(ActionPageChanged event) {
        sync(event.selfServiceId());
    }

    @ApplicationModuleListener(id = "search.index-authority", propagation = Propagation.NOT_SUPPORTED)
    void on(AuthorityChanged event) {
        services.published().stream().filter(s -> event.authorityId().equals(s.authorityId()))
                .forEach(s -> sync(s.id()));
    }

    @ApplicationModuleListener(id = "search.index-starts", propagation = Propagation.NOT_SUPPORTED)
    void on(StartsFlushed event) {
        refreshStarts();
    }

    /** Makes the self-service's row say what citizens see now: written, rewritten or deleted. */
    public void sync(UUID selfServiceId) {
        synchronized (writing) {
            transaction.executeWithoutResult(status -> syncInTransaction(selfServiceId));
        }
    }

    private void syncInTransaction(UUID selfServiceId) {
        Optional<SelfServiceDetails> service;
        try {
            service = Optional.of(services.byId(selfServiceId))
                    .filter(s -> s.status() == SelfServiceStatus.PUBLISHED)
                    .filter(s -> actionPages.state(selfServiceId)
                            .map(page -> page.status() != ActionPageStatus.ARCHIVED).orElse(true));
        } catch (SelfServiceNotFoundException e) {
            service = Optional.empty();
        }
        if (service.isEmpty()) {
            documents.findById(selfServiceId).ifPresent(document -> {
                documents.delete(document);
                changed();
                signals.announce(KIND, selfServiceId);
            });
            return;
        }
        SelfServiceDetails details = service.get();
        ActionPageContent page = actionPages.find(selfServiceId).map(ActionPageDetails::content).orElse(null);
        if (write(details, page, authorityName(details.authorityId()))) {
            signals.announce(KIND, selfServiceId);
        }
    }

    /** Makes every row say what citizens see now (start-up: repairs what a lost event or an old version left). */
    public int syncAll() {
        synchronized (writing) {
            return transaction.execute(status -> syncAllInTransaction());
        }
    }

    private int syncAllInTransaction() {
        Map<UUID, ActionPageContent> pages = actionPages.all().stream()
                .collect(Collectors.toMap(ActionPageDetails::selfServiceId, ActionPageDetails::content));
        Map<UUID, String> authorityNames = authorities.authorities().stream()
                .collect(Collectors.toMap(AuthorityDetails::id, AuthorityDetails::name));
        Map<UUID, SearchDocument> existing = documents.findAll().stream()
                .collect(Collectors.toMap(SearchDocument::selfServiceId, Function.identity()));
        Set<UUID> archived = actionPages.archived();
        Set<UUID> published = new HashSet<>();
        int changes = 0;
        for (SelfServiceDetails service : services.published()) {
            if (archived.contains(service.id())) {
                continue;
            }
            published.add(service.id());
            if (write(existing.get(service.id()), service, pages.get(service.id()),
                    service.authorityId() == null ? null : authorityNames.get(service.authorityId()))) {
                changes++;
            }
        }
        for (SearchDocument document : existing.values()) {
            if (!published.contains(document.selfServiceId())) {
                documents.delete(document);
                changes++;
            }
        }
        changes += refreshStartsInTransaction();
        if (changes > 0) {
            changed();
            signals.announceAll(KIND);
            log.info("Search documents brought up to date: {} changes", changes);
        }
        return changes;
    }

    /** Sets each document's starts of the last 30 days; returns how many changed. */
    public int refreshStarts() {
        synchronized (writing) {
            return transaction.execute(status -> refreshStartsInTransaction());
        }
    }

    private int refreshStartsInTransaction() {
        Map<UUID, Long> counts = starts.startsPerServiceSince(STARTS_DAYS);
        Map<UUID, Long> before = new HashMap<>();
        Map<UUID, Long> after = new HashMap<>();
        List<SearchDocument> changed = new ArrayList<>();
        for (SearchDocument document : documents.findAll()) {
            long count = counts.getOrDefault(document.selfServiceId(), 0L);
            before.put(document.selfServiceId(), document.starts());
            after.put(document.selfServiceId(), count);
            if (count != document.starts()) {
                document.starts(count);
                changed.add(document);
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        // starts only break ties of the score: the cached results stay right unless the order by starts changed
        boolean reordered = StartRanking.reordered(before, after,
                changed.stream().map(SearchDocument::selfServiceId).collect(Collectors.toSet()));
        for (SearchDocument document : changed) {
            signals.announce(reordered ? KIND : STARTS_KIND, document.selfServiceId());
        }
        if (reordered) {
            changed();
        }
        return changed.size();
    }

    /** Counts every change, so that readers of the documents' words ("Mente du …?") know to read them again. */
    long generation() {
        return generation.get();
    }

    /**
     * Counts a change, here or (by {@link SearchIndex}) on another node, and drops the cached search results (again
     * when the current transaction has written the index).
     */
    void changed() {
        generation.incrementAndGet();
        cache.invalidate();
    }

    private boolean write(SelfServiceDetails service, ActionPageContent page, String authorityName) {
        return write(documents.findById(service.id()).orElse(null), service, page, authorityName);
    }

    private boolean write(SearchDocument document, SelfServiceDetails service, ActionPageContent page,
            String authorityName) {
        SearchDocumentContent content = SearchDocumentContent.of(service, page, authorityName);
        if (document != null && document.sameAs(content)) {
            return false;
        }
        SearchDocument target = document != null ? document : new SearchDocument(service.id());
        target.update(content, clock.instant());
        if (document == null) {
            documents.save(target);
        }
        changed();
        return true;
    }

    private String authorityName(UUID authorityId) {
        if (authorityId == null) {
            return null;
        }
        try {
            return authorities.authority(authorityId).name();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The words of every document's title and keywords (the vocabulary "Mente du …?" chooses from), read as two
     * columns: loading the entities read every page text too, on the first search after each change.
     */
    public List<String> titlesAndKeywords() {
        return documents.titlesAndKeywords();
    }

    /** The number of documents in the table (what the index should hold). */
    public long count() {
        return documents.count();
    }
}
