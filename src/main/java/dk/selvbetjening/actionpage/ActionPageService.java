package dk.selvbetjening.actionpage;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.catalogue.SelfServiceService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The action page module's API. */
@Service
@Transactional(readOnly = true)
public class ActionPageService {

    private final ActionPageRepository pages;
    private final ActionPageDraftRepository drafts;
    private final SelfServiceService services;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    ActionPageService(ActionPageRepository pages, ActionPageDraftRepository drafts, SelfServiceService services,
            ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.audit = audit;
        this.pages = pages;
        this.drafts = drafts;
        this.services = services;
        this.events = events;
        this.clock = clock;
    }

    public Optional<ActionPageDetails> find(UUID selfServiceId) {
        return pages.findById(selfServiceId).map(ActionPage::toDetails);
    }

    public List<ActionPageDetails> all() {
        return pages.findAll().stream().map(ActionPage::toDetails).toList();
    }

    /** Writes the action page of a self-service, creating it if it has none. */
    @Transactional
    public ActionPageDetails write(UUID selfServiceId, ActionPageContent content) {
        services.byId(selfServiceId);
        ActionPage page = pages.findById(selfServiceId).orElse(null);
        if (page == null) {
            page = pages.save(new ActionPage(selfServiceId, content, clock.instant()));
        } else {
            page.write(content, clock.instant());
        }
        audit.record(SelfServiceService.AUDIT_TYPE, selfServiceId, "handlingsside skrevet", content.title());
        events.publishEvent(new ActionPageChanged(selfServiceId));
        return page.toDetails();
    }

    /** An approved text waiting to be published, if any. */
    public Optional<ActionPageContent> draft(UUID selfServiceId) {
        return drafts.findById(selfServiceId).map(ActionPageDraft::content);
    }

    /** Keeps {@code content} as the page's next text; citizens see it after {@link #publishDraft(UUID)}. */
    @Transactional
    public void saveDraft(UUID selfServiceId, ActionPageContent content) {
        services.byId(selfServiceId);
        ActionPageDraft draft = drafts.findById(selfServiceId).orElse(null);
        if (draft == null) {
            drafts.save(new ActionPageDraft(selfServiceId, content, clock.instant()));
        } else {
            draft.write(content, clock.instant());
        }
        audit.record(SelfServiceService.AUDIT_TYPE, selfServiceId, "kladde til handlingsside gemt", content.title());
    }

    /** Makes the draft the live text; does nothing without a draft. */
    @Transactional
    public void publishDraft(UUID selfServiceId) {
        drafts.findById(selfServiceId).ifPresent(draft -> {
            write(selfServiceId, draft.content());
            drafts.delete(draft);
        });
    }
}
