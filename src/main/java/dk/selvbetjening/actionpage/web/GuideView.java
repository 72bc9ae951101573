package dk.selvbetjening.actionpage.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.selvbetjening.actionpage.guide.GuideFinding;
import dk.selvbetjening.actionpage.guide.GuideReport;
import dk.selvbetjening.actionpage.guide.GuideSeverity;

/**
 * The guide's findings as the editor shows them: beside each field its own findings and LIX score. Findings about a
 * field the editor has no input for are listed above the form, so none is lost.
 */
public record GuideView(GuideReport report) {

    /** The fields the editor shows findings beside, as the checks name them. */
    static final Set<String> FIELDS = Set.of("title", "intro", "beforeYouStart", "startLabel", "continuesOn",
            "alternatives", "afterwards", "moreInformation", "rules", "fees", "deadlines", "plannedDowntime");

    public List<GuideFinding> findings(String field) {
        return report.findings().stream().filter(f -> field.equals(f.field())).toList();
    }

    public List<GuideFinding> others() {
        return report.findings().stream().filter(f -> f.field() == null || !FIELDS.contains(f.field())).toList();
    }

    public Integer lix(String field) {
        Map<String, Integer> lix = report.lix();
        return lix == null ? null : lix.get(field);
    }

    public long errorCount() {
        return report.findings().stream().filter(f -> f.severity() == GuideSeverity.ERROR).count();
    }

    public long warningCount() {
        return report.findings().stream().filter(f -> f.severity() == GuideSeverity.WARNING).count();
    }

    /** The input a finding's link jumps to: the downtime's findings go to its message. */
    public String inputId(String field) {
        return linkTarget(field);
    }

    static String linkTarget(String field) {
        if ("plannedDowntime".equals(field)) {
            return "downtimeMessage";
        }
        return field != null && FIELDS.contains(field) ? field : "title";
    }

    /** The message key of the reading level of {@code field}'s LIX score, null when it has none. */
    public String lixBand(String field) {
        Integer lix = lix(field);
        return lix == null ? null : band(lix);
    }

    /** The reading level a LIX score stands for, as a message key (the usual Danish bands). */
    static String band(int lix) {
        if (lix < 25) {
            return "actionpage.editor.lix.veryEasy";
        } else if (lix < 35) {
            return "actionpage.editor.lix.easy";
        } else if (lix < 45) {
            return "actionpage.editor.lix.medium";
        } else if (lix < 55) {
            return "actionpage.editor.lix.hard";
        }
        return "actionpage.editor.lix.veryHard";
    }
}
