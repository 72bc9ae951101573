package dk.selvbetjening.search;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The most recent searches' results (ADR 0021), bounded ({@code selvbetjening.search.cache-size} entries; 0 turns it
 * off), keyed by the normalised query, topic, page and size and by the generation of what they were computed from.
 * Every change of what a search reads (a search document written or deleted here or, through {@link SearchIndex},
 * on another node; a rebuild; a synonym group, here or elsewhere) calls {@link #invalidate()}: the generation moves
 * on, so an entry computed before is never read again, and the entries are dropped. Inside a transaction it moves on
 * again when the transaction completes, after Hibernate Search has written the index (read-sync): a search that ran
 * between the change and the commit, against the index as it was, cannot leave its result behind. Municipality is
 * not in the key: it changes only the links the web layer builds, not the results. New start counts (the once-a-minute
 * flush) invalidate only when they change the order by starts, which breaks ties of the score ({@link StartRanking}):
 * otherwise every entry would live about a minute under traffic.
 */
@Component
class SearchResultCache {

    private final Cache<Key, SearchResults> results;
    private final AtomicLong generation = new AtomicLong();

    SearchResultCache(SearchProperties properties) {
        this.results = properties.cacheSize() <= 0 ? null
                : Caffeine.newBuilder().maximumSize(properties.cacheSize()).build();
    }

    private record Key(long generation, String query, String topic, int page, int size) {
    }

    /** The cached results of the search, else {@code search}'s (kept unless something changed meanwhile). */
    SearchResults get(String normalised, String topic, int page, int size, Supplier<SearchResults> search) {
        if (results == null) {
            return search.get();
        }
        long before = generation.get();
        Key key = new Key(before, normalised, topic, page, size);
        SearchResults cached = results.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        SearchResults found = search.get();
        if (generation.get() == before) {
            results.put(key, found);
        }
        return found;
    }

    /** What searches read changed: now, and again when the current transaction (if any) has completed. */
    void invalidate() {
        moveOn();
        // once per transaction: a start-up repair changes thousands of documents in one
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SearchResultCache.this);
                    moveOn();
                }
            });
        }
    }

    private void moveOn() {
        generation.incrementAndGet();
        if (results != null) {
            results.invalidateAll();
        }
    }

    /** Whether results are cached at all (the setting). */
    boolean enabled() {
        return results != null;
    }

    /** Entries held now (for tests and the index status). */
    long size() {
        return results == null ? 0 : results.estimatedSize();
    }
}
