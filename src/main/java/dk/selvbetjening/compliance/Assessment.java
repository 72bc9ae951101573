package dk.selvbetjening.compliance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A self-service's assessment against the requirement catalogue: one answer per requirement and the catalogue
 * version it last answered. The owning authority answers; an editor reviews each answer.
 */
@Entity
@Table(name = "assessment")
class Assessment {

    @Id
    private UUID id;

    @Column(name = "self_service_id", nullable = false)
    private UUID selfServiceId;

    @Column(name = "catalogue_version", nullable = false)
    private int catalogueVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @ElementCollection
    @CollectionTable(name = "assessment_answer", joinColumns = @JoinColumn(name = "assessment_id"))
    @MapKeyColumn(name = "requirement_number")
    private Map<String, Answer> answers = new LinkedHashMap<>();

    @Version
    private long version;

    protected Assessment() {
    }

    Assessment(UUID id, UUID selfServiceId, int catalogueVersion, Instant now, String by) {
        this.id = id;
        this.selfServiceId = selfServiceId;
        this.catalogueVersion = catalogueVersion;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    /**
     * Records the answers given, against catalogue version {@code catalogueVersion}; an answer unchanged keeps its
     * review, a changed one waits for a new one. Answers not given are left as they were.
     */
    void answer(Map<String, Answer> given, int catalogueVersion, Instant now, String by) {
        given.forEach((number, answer) -> {
            Answer earlier = answers.get(number);
            if (earlier == null || !earlier.sameAs(answer)) {
                answers.put(number, answer);
            }
        });
        this.catalogueVersion = catalogueVersion;
        touch(now, by);
    }

    void review(String number, AnswerReview outcome, String note, Instant now, String by) {
        Answer answer = answers.get(number);
        if (answer == null) {
            throw new IllegalStateException("No answer to " + number);
        }
        answer.review(outcome, note, now, by);
        touch(now, by);
    }

    /** Verifies every answer not yet reviewed; returns their requirement numbers. */
    java.util.List<String> verifyUnreviewed(Instant now, String by) {
        java.util.List<String> verified = new java.util.ArrayList<>();
        answers.forEach((number, answer) -> {
            if (answer.unreviewed()) {
                answer.review(AnswerReview.VERIFIED, null, now, by);
                verified.add(number);
            }
        });
        if (!verified.isEmpty()) {
            touch(now, by);
        }
        return verified;
    }

    private void touch(Instant now, String by) {
        this.updatedAt = now;
        this.updatedBy = by;
    }

    UUID selfServiceId() {
        return selfServiceId;
    }

    int catalogueVersion() {
        return catalogueVersion;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String updatedBy() {
        return updatedBy;
    }

    long version() {
        return version;
    }

    Map<String, Answer> answers() {
        return answers;
    }
}
