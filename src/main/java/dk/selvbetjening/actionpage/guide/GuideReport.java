package dk.selvbetjening.actionpage.guide;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the guide checks found in an action page, and the LIX readability index of each text field that has text
 * (keyed by field name, in the content's field order).
 */
public record GuideReport(List<GuideFinding> findings, Map<String, Integer> lix) {

    public GuideReport {
        findings = findings == null ? List.of() : List.copyOf(findings);
        lix = lix == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(lix));
    }

    /** Whether any finding is an error: such a page must not be published. */
    public boolean blocksPublishing() {
        return findings.stream().anyMatch(f -> f.severity() == GuideSeverity.ERROR);
    }

    public List<GuideFinding> errors() {
        return findings.stream().filter(f -> f.severity() == GuideSeverity.ERROR).toList();
    }

    /** The findings about one field, e.g. {@code "title"}. */
    public List<GuideFinding> forField(String field) {
        return findings.stream().filter(f -> f.field().equals(field)).toList();
    }
}
