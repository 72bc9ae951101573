package dk.selvbetjening.actionpage.web;

import dk.selvbetjening.actionpage.ActionPageDetails;
import dk.selvbetjening.actionpage.word.ActionPageDocx;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Word template as files: the blank template for anyone (linked from the connection form), and a self-service's
 * current action page for the backoffice: an EDITOR for any service, an AUTHORITY_EDITOR for its own authority's.
 */
@Controller
class ActionPageDocxWebController {

    static final String TEMPLATE = "/tilslut/skabelon.docx";
    static final String EXPORT = "/redaktion/selvbetjeninger/{slug}/handlingsside.docx";

    private final ActionPageDocx docx;
    private final ActionPageService pages;
    private final SelfServiceService services;

    ActionPageDocxWebController(ActionPageDocx docx, ActionPageService pages, SelfServiceService services) {
        this.docx = docx;
        this.pages = pages;
        this.services = services;
    }

    @GetMapping(TEMPLATE)
    ResponseEntity<byte[]> template() {
        return file(docx.template(), "handlingsside-skabelon.docx");
    }

    /**
     * The page's newest text, as the action page editor opens it (a draft when there is one, else what citizens
     * see), so a text edited in Word and uploaded in the editor starts from the same text; a service without a page
     * gets the blank template.
     */
    @GetMapping(EXPORT)
    ResponseEntity<byte[]> export(@PathVariable String slug) {
        SelfServiceDetails service = services.bySlug(slug).orElseThrow(() -> new SelfServiceNotFoundException(slug));
        if (!ActionPageService.mayEdit(service)) {
            throw new AccessDeniedException("This account may not see the action page of " + service.slug());
        }
        byte[] file = pages.latest(service.id()).or(() -> pages.find(service.id()).map(ActionPageDetails::content))
                .map(docx::export).orElseGet(docx::template);
        return file(file, "handlingsside-" + service.slug() + ".docx");
    }

    private static ResponseEntity<byte[]> file(byte[] content, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, ActionPageDocx.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }
}
