package dk.selvbetjening.shared.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.servlet.ModelAndView;

/**
 * The page asked before a destructive action (GOV.UK's "Are you sure" pattern, no JavaScript): what will happen, the
 * red warning button that does it and a way back. The button posts {@code action} again with {@link #PARAMETER}
 * {@code =ja} and the {@code hidden} fields; a post without it only shows this page, so nothing is destroyed in one
 * click. Every text arrives in Danish.
 */
public record Confirmation(String heading, String warning, List<String> details, String action,
        Map<String, String> hidden, String button, String cancelHref, String cancelText) {

    /** The request parameter that says the person saw this page and confirmed. */
    public static final String PARAMETER = "bekraeftet";

    /** Its value when confirmed. */
    public static final String YES = "ja";

    /** Whether the parameter {@value #PARAMETER} says yes. */
    public static boolean given(String value) {
        return YES.equals(value);
    }

    /** The value the page's form sends as {@link #PARAMETER}. */
    public String yes() {
        return YES;
    }

    /** This confirmation as a page. */
    public ModelAndView page() {
        ModelAndView page = new ModelAndView("backoffice-confirm");
        page.addObject("confirmation", this);
        return page;
    }
}
