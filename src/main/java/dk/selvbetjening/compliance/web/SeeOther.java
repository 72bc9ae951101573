package dk.selvbetjening.compliance.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/** Post/redirect/get with 303 See Other, so a reload never posts again. */
final class SeeOther {

    private SeeOther() {
    }

    /** A 303 to {@code path} (a template with {@code {…}} variables, expanded and encoded), plus a fragment. */
    static ModelAndView to(String path, String fragment, Object... variables) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (fragment != null) {
            uri.fragment(fragment);
        }
        RedirectView view = new RedirectView(uri.buildAndExpand(variables).encode().toUriString(), true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
