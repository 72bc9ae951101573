package dk.selvbetjening.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Post/redirect/get with 303 See Other, so a reload never posts again. Paths are templates whose {@code {…}}
 * variables are expanded and encoded; the model never leaks into the URL (flash attributes carry notices).
 */
public final class SeeOther {

    private SeeOther() {
    }

    /** A 303 to {@code path}. */
    public static ModelAndView to(String path, Object... variables) {
        return to(UriComponentsBuilder.fromPath(path).buildAndExpand(variables).encode());
    }

    /** A 303 to {@code path}, scrolled to {@code fragment} (none when null). */
    public static ModelAndView toFragment(String path, String fragment, Object... variables) {
        return to(UriComponentsBuilder.fromPath(path).fragment(fragment).buildAndExpand(variables).encode());
    }

    /** A 303 to {@code path} with the query parameter {@code name=value} (none when {@code value} is null). */
    public static ModelAndView withParameter(String path, String name, String value, Object... variables) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (value != null) {
            uri.queryParam(name, value);
        }
        return to(uri.buildAndExpand(variables).encode());
    }

    /** A 303 to a local URI that is already encoded. */
    public static ModelAndView to(UriComponents uri) {
        RedirectView view = new RedirectView(uri.toUriString(), true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
