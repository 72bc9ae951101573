package dk.selvbetjening.actionpage.web;

import java.util.Locale;

import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.shared.web.SeeOther;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every action page editor page needs: the self-service of a slug that this account may edit (another
 * authority's editor gets the 403 page, even just to look), the editor's address, and post/redirect/get with a
 * Danish notice.
 */
@Component
class EditablePages {

    static final String LIST = "/redaktion/selvbetjeninger";
    static final String EDITOR = LIST + "/{slug}/handlingsside";
    static final String REVISIONS = EDITOR + "/revisioner";

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final SelfServiceService services;
    private final MessageSource messages;

    EditablePages(SelfServiceService services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
    }

    /** The self-service of {@code slug}: 404 when there is none, 403 when this account may not edit its page. */
    SelfServiceDetails editable(String slug) {
        SelfServiceDetails service = services.bySlug(slug).orElseThrow(() -> new SelfServiceNotFoundException(slug));
        if (!ActionPageService.mayEdit(service)) {
            throw new AccessDeniedException("This account may not edit the action page of " + slug);
        }
        return service;
    }

    String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DANISH);
    }

    /** A 303 See Other to {@code path} (with {@code {slug}}) carrying a Danish success notice for the next page. */
    ModelAndView seeOther(String path, String slug, RedirectAttributes redirect, String noticeKey,
            Object... arguments) {
        redirect.addFlashAttribute("notice", message(noticeKey, arguments));
        return SeeOther.to(path, slug);
    }
}
