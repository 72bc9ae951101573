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

/** An approved action page text waiting to be published; publishing copies it into the live {@link ActionPage}. */
@Entity
@Table(name = "action_page_draft")
class ActionPageDraft {

    @Id
    @Column(name = "self_service_id")
    private UUID selfServiceId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String intro;

    @ElementCollection
    @CollectionTable(name = "action_page_draft_before_you_start", joinColumns = @JoinColumn(name = "self_service_id"))
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

    protected ActionPageDraft() {
    }

    ActionPageDraft(UUID selfServiceId, ActionPageContent content, Instant now) {
        this.selfServiceId = selfServiceId;
        write(content, now);
    }

    void write(ActionPageContent content, Instant now) {
        ActionPage.validate(content);
        this.title = content.title().strip();
        this.intro = content.intro().strip();
        this.beforeYouStart.clear();
        content.beforeYouStart().forEach(item -> this.beforeYouStart.add(item.strip()));
        this.startLabel = content.startLabel();
        this.continuesOn = content.continuesOn();
        this.alternatives = content.alternatives();
        this.afterwards = content.afterwards();
        this.moreInformation = content.moreInformation();
        this.updatedAt = now;
    }

    ActionPageContent content() {
        return new ActionPageContent(title, intro, List.copyOf(beforeYouStart), startLabel, continuesOn, alternatives,
                afterwards, moreInformation);
    }
}
