package dk.selvbetjening.portal.web;

import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.TopicNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The front page (topics, most used self-services) and a topic's page. */
@Controller
class FrontPageWebController {

    private final CitizenCatalogue catalogue;

    FrontPageWebController(CitizenCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/")
    String frontPage(Model model) {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        model.addAttribute("topics", snapshot.topics());
        model.addAttribute("mostUsed", snapshot.mostUsed());
        return "portal/front-page";
    }

    @GetMapping("/emner/{slug}")
    String topic(@PathVariable String slug, Model model) {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        model.addAttribute("topic", snapshot.topic(slug).orElseThrow(() -> new TopicNotFoundException(slug)));
        model.addAttribute("services", snapshot.servicesIn(slug));
        return "portal/topic";
    }
}
