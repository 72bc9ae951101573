package dk.selvbetjening.municipallink.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dk.selvbetjening.catalogue.ServiceUrl;

/**
 * The form for one municipality's link: an https URL (empty: the municipality has no solution for this) and an
 * optional title. {@code fra} is the page the editor came from ("selvbetjening" or the municipality's).
 */
record LinkForm(String url, String title, String fra) {

    static final int TITLE_MAX = 200;

    /** Field → message key of what is wrong, in the form's order; empty when valid. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleaned = url == null ? "" : url.strip();
        if (!cleaned.isEmpty() && !(ServiceUrl.isValid(cleaned) && cleaned.toLowerCase(Locale.ROOT).startsWith("https://"))) {
            errors.put("url", "municipallink.edit.error.url");
        }
        if (title != null && title.strip().length() > TITLE_MAX) {
            errors.put("title", "municipallink.edit.error.title");
        }
        return errors;
    }

    public boolean fromServicePage() {
        return "selvbetjening".equals(fra);
    }
}
