package dk.selvbetjening.linkhealth.web;

import java.util.List;
import java.util.Locale;

import dk.selvbetjening.linkcheck.LinkOutcome;
import dk.selvbetjening.linkhealth.LinkHealthReport;
import dk.selvbetjening.shared.web.BackofficeTasks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The start page's count of broken links citizens may meet, for editors (who see the link check). */
@Component
class BrokenLinkTasks implements BackofficeTasks {

    private final LinkHealthReport report;
    private final MessageSource messages;

    BrokenLinkTasks(LinkHealthReport report, MessageSource messages) {
        this.report = report;
        this.messages = messages;
    }

    @Override
    public List<Task> tasks() {
        if (!BackofficeTasks.callerHas("ROLE_EDITOR")) {
            return List.of();
        }
        long broken = report.rows(LinkOutcome.BROKEN).size();
        return List.of(new Task(30, messages.getMessage("backoffice.home.task.brokenLinks", new Object[] {broken},
                Locale.forLanguageTag("da")), "/redaktion/linktjek?udfald=BROKEN", broken));
    }
}
