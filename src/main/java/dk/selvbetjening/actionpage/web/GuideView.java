package dk.selvbetjening.actionpage.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.selvbetjening.actionpage.guide.GuideFinding;
import dk.selvbetjening.actionpage.guide.GuideReport;
import dk.selvbetjening.actionpage.guide.GuideSeverity;

/**
 * The guide's findings as the editor shows them: beside each field its own findings, and its LIX score when the
 * field has at least {@value #LIX_MIN_WORDS} words ({@code words}: each field's word count). Findings about a field
 * the editor has no input for are listed above the form, so none is lost.
 */
public record GuideView(GuideReport report, Map<String, Integer> words) {

    /**
     * The fewest words a field needs before its LIX is shown: LIX counts long words and words per sentence, so on a
     * few words (a title, a short fee) it measures one noun, not how hard the text is to read. js/guide-checks.js
     * uses the same number (the form's {@code data-lix-min-words}).
     */
    static final int LIX_MIN_WORDS = 20;

    /** The view of {@code report} on the text of {@code form}. */
    static GuideView of(GuideReport report, ActionPageForm form) {
        Map<String, Integer> words = new java.util.HashMap<>();
        words.put("title", count(form.title()));
        words.put("intro", count(form.intro()));
        words.put("beforeYouStart", count(form.beforeYouStart()));
        words.put("startLabel", count(form.startLabel()));
        words.put("continuesOn", count(form.continuesOn()));
        words.put("alternatives", count(form.alternatives()));
        words.put("afterwards", count(form.afterwards()));
        words.put("moreInformation", count(form.moreInformation()));
        words.put("rules", count(form.rules()));
        words.put("fees", count(form.fees()));
        words.put("deadlines", count(form.deadlines()));
        words.put("plannedDowntime", count(form.downtimeMessage()));
        return new GuideView(report, words);
    }

    /** Words as a reader counts them: runs of letters or digits. */
    static int count(String text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    /** The fields the editor shows findings beside, as the checks name them. */
    static final Set<String> FIELDS = Set.of("title", "intro", "beforeYouStart", "startLabel", "continuesOn",
            "alternatives", "afterwards", "moreInformation", "rules", "fees", "deadlines", "plannedDowntime");

    public List<GuideFinding> findings(String field) {
        return report.findings().stream().filter(f -> field.equals(f.field())).toList();
    }

    public List<GuideFinding> others() {
        return report.findings().stream().filter(f -> f.field() == null || !FIELDS.contains(f.field())).toList();
    }

    /** The field's LIX score when it has enough words for one to mean something; else null. */
    public Integer lix(String field) {
        Map<String, Integer> lix = report.lix();
        if (lix == null || words == null || words.getOrDefault(field, 0) < LIX_MIN_WORDS) {
            return null;
        }
        return lix.get(field);
    }

    public int lixMinWords() {
        return LIX_MIN_WORDS;
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
