package dk.selvbetjening.search;

import java.time.Instant;

/**
 * The index as editors see it: how many documents it holds (and the table holds), its size on disk, when it was
 * last rebuilt (null: not since this node started on an index it found) and with which mapping version.
 */
public record SearchIndexStatus(long indexedDocuments, long publishedDocuments, long sizeInBytes,
        Instant lastRebuildAt, long lastRebuildMillis, int mappingVersion, String directory) {
}
