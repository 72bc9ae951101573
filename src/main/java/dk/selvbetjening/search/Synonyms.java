package dk.selvbetjening.search;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.selvbetjening.shared.changes.ChangeSignals;
import dk.selvbetjening.shared.changes.ChangedOnAnotherNode;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The synonym groups editors keep. Applied when a query is built, from a copy in memory that every change replaces
 * as soon as its transaction commits: an edit works at the next search, with no index rebuild. Every change is
 * announced to the other nodes ({@value #KIND}, ADR 0019), which read the groups again.
 */
@Service
@Transactional(readOnly = true)
public class Synonyms {

    static final int MAX_TERMS = 20;
    static final int MAX_LENGTH = 1000;
    /** What the other nodes are told changed: a synonym group, by its id. */
    static final String KIND = "search.synonyms";

    private final SynonymGroupRepository groups;
    private final Clock clock;
    private final ChangeSignals signals;
    private final SearchResultCache cache;
    private volatile List<List<String>> current;

    Synonyms(SynonymGroupRepository groups, Clock clock, ChangeSignals signals, SearchResultCache cache) {
        this.groups = groups;
        this.cache = cache;
        this.signals = signals;
        this.clock = clock;
    }

    /** Every group, by its first term. */
    public List<SynonymGroupSummary> groups() {
        return groups.findAll().stream().map(SynonymGroup::toSummary)
                .sorted(Comparator.comparing(SynonymGroupSummary::text)).toList();
    }

    public Optional<SynonymGroupSummary> group(UUID id) {
        return groups.findById(id).map(SynonymGroup::toSummary);
    }

    /** The groups that contain {@code term} (normalised). */
    public List<SynonymGroupSummary> groupsWith(String term) {
        String normalised = SearchText.normalise(term);
        return groups().stream().filter(g -> g.terms().contains(normalised)).toList();
    }

    /**
     * Adds a group from the editor's text (terms separated by commas or new lines).
     *
     * @throws InvalidSynonymGroupException when fewer than two terms remain, or too many
     */
    @Transactional
    @PreAuthorize("hasAnyRole('EDITOR', 'SYSTEM')")
    public SynonymGroupSummary add(String text) {
        SynonymGroup group = groups.save(new SynonymGroup(UUID.randomUUID(), terms(text), clock.instant()));
        reloadAfterCommit(group.toSummary().id());
        return group.toSummary();
    }

    /** Adds {@code term} to the group (or starts a group of the term and {@code other}). */
    @Transactional
    @PreAuthorize("hasAnyRole('EDITOR', 'SYSTEM')")
    public SynonymGroupSummary addTerm(UUID groupId, String term) {
        SynonymGroup group = groups.findById(groupId).orElseThrow(() ->
                new InvalidSynonymGroupException("search.synonyms.error.gone"));
        group.change(terms(group.terms() + ", " + term), clock.instant());
        reloadAfterCommit(groupId);
        return group.toSummary();
    }

    /**
     * Replaces the group's terms, as read at {@code expectedVersion}.
     *
     * @throws OptimisticLockingFailureException when someone changed it since
     */
    @Transactional
    @PreAuthorize("hasAnyRole('EDITOR', 'SYSTEM')")
    public SynonymGroupSummary change(UUID id, long expectedVersion, String text) {
        SynonymGroup group = groups.findById(id).orElseThrow(() ->
                new InvalidSynonymGroupException("search.synonyms.error.gone"));
        if (group.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("synonym group " + id + " changed");
        }
        group.change(terms(text), clock.instant());
        groups.flush();
        reloadAfterCommit(id);
        return group.toSummary();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('EDITOR', 'SYSTEM')")
    public void delete(UUID id) {
        groups.findById(id).ifPresent(groups::delete);
        reloadAfterCommit(id);
    }

    /**
     * The groups' normalised terms, for building queries: from memory, without a transaction (the first call after a
     * change reads the table in the repository's own).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    List<List<String>> normalisedGroups() {
        List<List<String>> groups = current;
        if (groups == null) {
            groups = load();
            current = groups;
        }
        return groups;
    }

    private List<List<String>> load() {
        List<List<String>> loaded = new ArrayList<>();
        for (SynonymGroup group : groups.findAll()) {
            // the shipped groups (V58) are stored as written: "e-boks" is matched as the query "e boks"
            loaded.add(java.util.Arrays.stream(group.terms().split(", ")).map(SearchText::normalise)
                    .filter(term -> !term.isEmpty()).distinct().toList());
        }
        return List.copyOf(loaded);
    }

    @EventListener
    @Order(0)
    void on(ChangedOnAnotherNode change) {
        if (change.concerns(KIND)) {
            current = null;
            cache.invalidate();
        }
    }

    private void reloadAfterCommit(UUID changed) {
        signals.announce(KIND, changed);
        current = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    current = null;
                }
            });
        }
        // after the line above: its synchronization runs first, so no search keeps results of the old groups
        cache.invalidate();
    }

    /** The editor's text as the stored terms: normalised, distinct, at least two, at most {@value #MAX_TERMS}. */
    static String terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String part : (text == null ? "" : text).split("[,\\n;]")) {
            String term = SearchText.normalise(part);
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
        if (terms.size() < 2) {
            throw new InvalidSynonymGroupException("search.synonyms.error.tooFew");
        }
        String joined = String.join(", ", terms);
        if (terms.size() > MAX_TERMS || joined.length() > MAX_LENGTH) {
            throw new InvalidSynonymGroupException("search.synonyms.error.tooMany");
        }
        return joined;
    }
}
