package dk.selvbetjening.actionpage.web;

import java.util.List;

import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.ActionPageState;
import dk.selvbetjening.actionpage.ActionPageStatus;
import dk.selvbetjening.shared.web.BackofficeTasks;
import org.springframework.stereotype.Component;

/**
 * The start page's count of action pages the account may edit with a saved text citizens do not see yet (not
 * archived).
 */
@Component
class UnpublishedPageTasks implements BackofficeTasks {

    private final ActionPageService actionPages;
    private final dk.selvbetjening.catalogue.SelfServiceService services;
    private final EditablePages pages;

    UnpublishedPageTasks(ActionPageService actionPages, dk.selvbetjening.catalogue.SelfServiceService services,
            EditablePages pages) {
        this.actionPages = actionPages;
        this.services = services;
        this.pages = pages;
    }

    @Override
    public List<Task> tasks() {
        var states = actionPages.states();
        long waiting = services.all().stream().filter(ActionPageService::mayEdit)
                .map(service -> states.get(service.id()))
                .filter(state -> state != null && state.latestRevision() > 0
                        && state.status() != ActionPageStatus.ARCHIVED && state.hasUnpublishedDraft())
                .map(ActionPageState::selfServiceId).count();
        return List.of(new Task(20, pages.message("backoffice.home.task.drafts", waiting), EditablePages.LIST,
                waiting));
    }
}
