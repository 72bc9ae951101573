package dk.selvbetjening.search;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A group of words and phrases that mean the same to a citizen, e.g. "sygesikringskort, sundhedskort, det gule kort". */
@Entity
@Table(name = "search_synonym_group")
class SynonymGroup {

    @Id
    private UUID id;

    /** The group's terms, normalised, separated by ", ". */
    @Column(nullable = false, length = 1000)
    private String terms;

    @Version
    private long version;

    @Column(nullable = false)
    private Instant updatedAt;

    protected SynonymGroup() {
    }

    SynonymGroup(UUID id, String terms, Instant at) {
        this.id = id;
        this.terms = terms;
        this.updatedAt = at;
    }

    void change(String terms, Instant at) {
        this.terms = terms;
        this.updatedAt = at;
    }

    SynonymGroupSummary toSummary() {
        return new SynonymGroupSummary(id, java.util.List.of(terms.split(", ")), version, updatedAt);
    }

    UUID id() {
        return id;
    }

    String terms() {
        return terms;
    }

    long version() {
        return version;
    }
}
