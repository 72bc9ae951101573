package dk.selvbetjening.audit.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dk.selvbetjening.audit.AuditEntrySummary;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.shared.SystemPrincipal;
import dk.selvbetjening.shared.web.AuditNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for editors, newest first, filtered by subject type. People and subjects are shown by name
 * ({@link AuditNames}, each module naming its own), with the recorded id or address kept beside for the record.
 */
@Controller
class AuditWebController {

    static final int PAGE_SIZE = 50;
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final AuditLog audit;
    private final ObjectProvider<AuditNames> names;
    private final MessageSource messages;

    AuditWebController(AuditLog audit, ObjectProvider<AuditNames> names, MessageSource messages) {
        this.audit = audit;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping("/redaktion/log")
    String log(@RequestParam(required = false) String type, @RequestParam(defaultValue = "0") int page, Model model) {
        int safePage = Math.max(0, page);
        Page<AuditEntrySummary> entries = audit.latest(type, safePage, PAGE_SIZE);
        List<AuditNames> all = names.orderedStream().toList();
        Map<String, String> actors = new HashMap<>();
        Map<String, AuditNames.Named> subjects = new HashMap<>();
        model.addAttribute("entries", entries);
        model.addAttribute("rows", entries.getContent().stream().map(e -> new AuditRow(e,
                actors.computeIfAbsent(e.actor(), actor -> actorName(actor, all)),
                subjects.computeIfAbsent(e.subjectType() + " " + e.subjectId(), key -> all.stream()
                        .map(n -> n.subject(e.subjectType(), e.subjectId())).flatMap(Optional::stream).findFirst()
                        .orElse(new AuditNames.Named(e.subjectId(), null))))).toList());
        model.addAttribute("type", type);
        return "audit/log";
    }

    private String actorName(String actor, List<AuditNames> all) {
        if (AuditLog.ANONYMOUS.equals(actor)) {
            return messages.getMessage("backoffice.audit.anonymous", null, DANISH);
        }
        if (SystemPrincipal.NAME.equals(actor)) {
            return messages.getMessage("backoffice.audit.system", null, DANISH);
        }
        return all.stream().map(n -> n.actor(actor)).flatMap(Optional::stream).findFirst().orElse(actor);
    }

    /** One line of the log as shown: the entry, who by name, and what by name with its page. */
    record AuditRow(AuditEntrySummary entry, String who, AuditNames.Named subject) {
    }
}
