package dk.selvbetjening.actionpage;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.catalogue.SelfServiceService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The action page module's API. */
@Service
@Transactional(readOnly = true)
public class ActionPageService {

    private final ActionPageRepository pages;
    private final SelfServiceService services;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionPageService(ActionPageRepository pages, SelfServiceService services, ApplicationEventPublisher events,
            Clock clock) {
        this.pages = pages;
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
        events.publishEvent(new ActionPageChanged(selfServiceId));
        return page.toDetails();
    }
}
