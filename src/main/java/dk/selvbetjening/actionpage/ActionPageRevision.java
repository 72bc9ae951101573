package dk.selvbetjening.actionpage;

import static dk.selvbetjening.actionpage.ActionPageContent.CONTINUES_ON_MAX;
import static dk.selvbetjening.actionpage.ActionPageContent.INTRO_MAX;
import static dk.selvbetjening.actionpage.ActionPageContent.ITEMS_MAX;
import static dk.selvbetjening.actionpage.ActionPageContent.ITEM_MAX;
import static dk.selvbetjening.actionpage.ActionPageContent.LABEL_MAX;
import static dk.selvbetjening.actionpage.ActionPageContent.TEXT_MAX;
import static dk.selvbetjening.actionpage.ActionPageContent.TITLE_MAX;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Immutable;

/** One saved version of an action page's text. Never changed once written: restoring writes a new revision. */
@Entity
@Immutable
@IdClass(ActionPageRevision.Key.class)
@Table(name = "action_page_revision")
class ActionPageRevision {


    record Key(UUID selfServiceId, int number) implements Serializable {
    }

    @Id
    @Column(name = "self_service_id")
    private UUID selfServiceId;

    @Id
    private int number;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String intro;

    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "action_page_revision_item", joinColumns = {
            @JoinColumn(name = "self_service_id", referencedColumnName = "self_service_id"),
            @JoinColumn(name = "number", referencedColumnName = "number")})
    @OrderColumn(name = "item_order")
    @Column(name = "item", nullable = false)
    private List<String> beforeYouStart = new ArrayList<>();

    @Column(name = "start_label")
    private String startLabel;

    @Column(name = "continues_on")
    private String continuesOn;

    private String alternatives;

    private String afterwards;

    @Column(name = "more_information")
    private String moreInformation;

    private String rules;

    private String fees;

    private String deadlines;

    @Column(name = "downtime_from")
    private Instant downtimeFrom;

    @Column(name = "downtime_until")
    private Instant downtimeUntil;

    @Column(name = "downtime_message")
    private String downtimeMessage;

    @Column(nullable = false)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "restored_from")
    private Integer restoredFrom;

    protected ActionPageRevision() {
    }

    ActionPageRevision(UUID selfServiceId, int number, ActionPageContent content, String author, Instant createdAt,
            Integer restoredFrom) {
        validate(content);
        this.selfServiceId = selfServiceId;
        this.number = number;
        this.title = content.title().strip();
        this.intro = content.intro().strip();
        content.beforeYouStart().stream().filter(item -> item != null && !item.isBlank())
                .forEach(item -> this.beforeYouStart.add(item.strip()));
        this.startLabel = blankToNull(content.startLabel());
        this.continuesOn = blankToNull(content.continuesOn());
        this.alternatives = blankToNull(content.alternatives());
        this.afterwards = blankToNull(content.afterwards());
        this.moreInformation = blankToNull(content.moreInformation());
        this.rules = blankToNull(content.rules());
        this.fees = blankToNull(content.fees());
        this.deadlines = blankToNull(content.deadlines());
        PlannedDowntime downtime = content.plannedDowntime();
        if (downtime != null) {
            this.downtimeFrom = downtime.from();
            this.downtimeUntil = downtime.until();
            this.downtimeMessage = downtime.message();
        }
        this.author = author;
        this.createdAt = createdAt;
        this.restoredFrom = restoredFrom;
    }

    /**
     * Refuses content the database could not hold (the guide checks, not this, judge whether it is good). Blank
     * "before you start" items are dropped, not refused.
     */
    static void validate(ActionPageContent content) {
        require(content.title() != null && !content.title().isBlank() && content.title().strip().length() <= TITLE_MAX,
                "title must be 1-" + TITLE_MAX + " characters");
        require(content.intro() != null && !content.intro().isBlank() && content.intro().strip().length() <= INTRO_MAX,
                "intro must be 1-" + INTRO_MAX + " characters");
        require(content.beforeYouStart().stream().allMatch(i -> i == null || i.strip().length() <= ITEM_MAX),
                "each 'before you start' item must be at most " + ITEM_MAX + " characters");
        require(content.beforeYouStart().size() <= ITEMS_MAX, "at most " + ITEMS_MAX + " 'before you start' items");
        require(fits(content.startLabel(), LABEL_MAX) && fits(content.continuesOn(), CONTINUES_ON_MAX)
                && fits(content.alternatives(), TEXT_MAX) && fits(content.afterwards(), TEXT_MAX)
                && fits(content.moreInformation(), TEXT_MAX) && fits(content.rules(), TEXT_MAX)
                && fits(content.fees(), TEXT_MAX) && fits(content.deadlines(), TEXT_MAX)
                && (content.plannedDowntime() == null
                        || content.plannedDowntime().message().length() <= PlannedDowntime.MESSAGE_MAX),
                "a text is too long");
    }

    int number() {
        return number;
    }

    ActionPageContent content() {
        PlannedDowntime downtime = downtimeFrom == null ? null
                : new PlannedDowntime(downtimeFrom, downtimeUntil, downtimeMessage);
        return new ActionPageContent(title, intro, List.copyOf(beforeYouStart), startLabel, continuesOn, alternatives,
                afterwards, moreInformation, rules, fees, deadlines, downtime);
    }

    ActionPageRevisionSummary toSummary(Integer publishedRevision, Integer goLiveRevision) {
        return new ActionPageRevisionSummary(number, title, author, createdAt, restoredFrom,
                publishedRevision != null && publishedRevision == number,
                goLiveRevision != null && goLiveRevision == number);
    }

    private static boolean fits(String text, int max) {
        return text == null || text.strip().length() <= max;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(rule);
        }
    }
}
