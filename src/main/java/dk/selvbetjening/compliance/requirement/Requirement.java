package dk.selvbetjening.compliance.requirement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A requirement as it stands now: its number (area.item, e.g. "2.10"), newest revision and wording. Each change
 * makes a new revision ({@link RequirementRevision}); {@code wordingRevision} is the revision that last changed the
 * title or wording, which answers compare with to know whether they answered the current wording.
 */
@Entity
@Table(name = "requirement")
class Requirement {

    static final int TITLE_MAX = 200;
    static final int WORDING_MAX = 2000;

    @Id
    @Column(name = "requirement_number")
    private String number;

    @Column(nullable = false)
    private int area;

    @Column(name = "item_number", nullable = false)
    private int item;

    @Column(nullable = false)
    private int revision;

    @Column(name = "wording_revision", nullable = false)
    private int wordingRevision;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String wording;

    @Column(nullable = false)
    private boolean verified;

    @Column(nullable = false)
    private boolean retired;

    @Version
    private long version;

    protected Requirement() {
    }

    Requirement(int area, int item, String title, String wording, boolean verified) {
        if (area < 1 || area > 4 || item < 1 || item > 99) {
            throw new IllegalArgumentException("A requirement is numbered 1-4.1-99, not " + area + "." + item);
        }
        this.number = area + "." + item;
        this.area = area;
        this.item = item;
        this.revision = 1;
        this.wordingRevision = 1;
        this.title = title;
        this.wording = wording;
        this.verified = verified;
    }

    /** A new title or wording; answers to the old wording then show as answering an older wording. */
    void reword(String newTitle, String newWording, boolean stillVerified) {
        revision++;
        wordingRevision = revision;
        title = newTitle;
        wording = newWording;
        verified = stillVerified;
    }

    void retire() {
        if (retired) {
            throw new IllegalStateException("Requirement " + number + " is already retired");
        }
        revision++;
        retired = true;
    }

    void reinstate() {
        if (!retired) {
            throw new IllegalStateException("Requirement " + number + " is not retired");
        }
        revision++;
        retired = false;
    }

    void markVerified() {
        if (verified) {
            throw new IllegalStateException("Requirement " + number + " is already verified");
        }
        revision++;
        verified = true;
    }

    RequirementRevision revisionAt(int catalogueVersion, RequirementChange change) {
        return new RequirementRevision(number, revision, catalogueVersion, change, wordingRevision, title, wording,
                verified, retired);
    }

    String number() {
        return number;
    }

    int area() {
        return area;
    }

    int item() {
        return item;
    }

    boolean retired() {
        return retired;
    }

    boolean verified() {
        return verified;
    }

    long version() {
        return version;
    }

    RequirementDetails toDetails() {
        return new RequirementDetails(number, area, item, title, wording, verified, retired, revision,
                wordingRevision, version);
    }
}
