package dk.selvbetjening.actionpage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "action_page")
class ActionPage {

    static final int TITLE_MAX = 120;
    static final int INTRO_MAX = 600;
    static final int ITEM_MAX = 500;
    static final int TEXT_MAX = 4000;

    @Id
    @Column(name = "self_service_id")
    private UUID selfServiceId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String intro;

    @ElementCollection
    @CollectionTable(name = "action_page_before_you_start", joinColumns = @JoinColumn(name = "self_service_id"))
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

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ActionPage() {
    }

    ActionPage(UUID selfServiceId, ActionPageContent content, Instant now) {
        this.selfServiceId = selfServiceId;
        write(content, now);
    }

    /** Refuses content the database could not hold. */
    static void validate(ActionPageContent content) {
        require(content.title() != null && !content.title().isBlank() && content.title().length() <= TITLE_MAX,
                "title must be 1-" + TITLE_MAX + " characters");
        require(content.intro() != null && !content.intro().isBlank() && content.intro().length() <= INTRO_MAX,
                "intro must be 1-" + INTRO_MAX + " characters");
        require(content.beforeYouStart().stream().allMatch(i -> i != null && !i.isBlank() && i.length() <= ITEM_MAX),
                "each 'before you start' item must be 1-" + ITEM_MAX + " characters");
        require(fits(content.startLabel(), TITLE_MAX) && fits(content.continuesOn(), 200)
                && fits(content.alternatives(), TEXT_MAX) && fits(content.afterwards(), TEXT_MAX)
                && fits(content.moreInformation(), TEXT_MAX), "a text is too long");
    }

    /** Replaces the content; refuses what the database could not hold. */
    void write(ActionPageContent content, Instant now) {
        validate(content);
        this.title = content.title().strip();
        this.intro = content.intro().strip();
        this.beforeYouStart.clear();
        content.beforeYouStart().forEach(item -> this.beforeYouStart.add(item.strip()));
        this.startLabel = blankToNull(content.startLabel());
        this.continuesOn = blankToNull(content.continuesOn());
        this.alternatives = blankToNull(content.alternatives());
        this.afterwards = blankToNull(content.afterwards());
        this.moreInformation = blankToNull(content.moreInformation());
        this.updatedAt = now;
    }

    ActionPageDetails toDetails() {
        return new ActionPageDetails(selfServiceId, new ActionPageContent(title, intro, List.copyOf(beforeYouStart),
                startLabel, continuesOn, alternatives, afterwards, moreInformation), updatedAt);
    }

    private static boolean fits(String text, int max) {
        return text == null || text.length() <= max;
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
