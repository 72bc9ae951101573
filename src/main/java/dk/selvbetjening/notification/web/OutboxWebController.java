package dk.selvbetjening.notification.web;

import java.util.UUID;

import dk.selvbetjening.notification.MailOutbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The outbox for editors: what is pending, sent and failed; a failed mail can be tried again. */
@Controller
class OutboxWebController {

    private final MailOutbox outbox;

    OutboxWebController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/redaktion/udbakke")
    String outbox(Model model) {
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("mails", outbox.latest());
        return "notification/outbox";
    }

    @PostMapping("/redaktion/udbakke/{id}/proev-igen")
    String retry(@PathVariable UUID id) {
        outbox.retry(id);
        return "redirect:/redaktion/udbakke";
    }
}
