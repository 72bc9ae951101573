package dk.selvbetjening.audit.web;

import dk.selvbetjening.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for editors, newest first, filtered by subject type. */
@Controller
class AuditWebController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditWebController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/redaktion/log")
    String log(@RequestParam(required = false) String type, @RequestParam(defaultValue = "0") int page, Model model) {
        int safePage = Math.max(0, page);
        model.addAttribute("entries", audit.latest(type, safePage, PAGE_SIZE));
        model.addAttribute("type", type);
        return "audit/log";
    }
}
