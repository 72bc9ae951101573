package dk.selvbetjening.actionpage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The elements of an action page (see docs/glossary.md). Field names are the ones every API uses.
 * {@code startLabel} and {@code continuesOn} may be null: the page then uses the defaults. {@code rules} (regler og
 * lovgivning), {@code fees}, {@code deadlines} and {@code plannedDowntime} are optional.
 */
public record ActionPageContent(
        String title,
        String intro,
        List<String> beforeYouStart,
        String startLabel,
        String continuesOn,
        String alternatives,
        String afterwards,
        String moreInformation,
        String rules,
        String fees,
        String deadlines,
        PlannedDowntime plannedDowntime) {

    /** What the database holds (the guide's checks, not these, judge whether a text is good). */
    public static final int TITLE_MAX = 120;
    public static final int INTRO_MAX = 600;
    public static final int ITEM_MAX = 500;
    public static final int ITEMS_MAX = 20;
    public static final int LABEL_MAX = 120;
    public static final int CONTINUES_ON_MAX = 200;
    public static final int TEXT_MAX = 4000;

    public ActionPageContent {
        beforeYouStart = beforeYouStart == null ? List.of() : List.copyOf(beforeYouStart);
    }

    /** The elements every action page had before rules, fees, deadlines and planned downtime were added. */
    public ActionPageContent(String title, String intro, List<String> beforeYouStart, String startLabel,
            String continuesOn, String alternatives, String afterwards, String moreInformation) {
        this(title, intro, beforeYouStart, startLabel, continuesOn, alternatives, afterwards, moreInformation, null,
                null, null, null);
    }

    /** Whether any element has text (or a planned downtime is set); a proposal without text proposes nothing. */
    public boolean hasText() {
        return plannedDowntime != null || !beforeYouStart.isEmpty() || Stream.of(title, intro, startLabel, continuesOn,
                alternatives, afterwards, moreInformation, rules, fees, deadlines).anyMatch(t -> t != null && !t.isBlank());
    }

    /**
     * What keeps this text from being saved, element name → message key (Danish in messages.properties), in the
     * order of the elements: a missing title or intro, or a text longer than the limits above. Every text is counted
     * without surrounding white space; empty when it can be saved. ("plannedDowntime" names the downtime's message.)
     */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (blank(title)) {
            problems.put("title", "actionpage.editor.error.title.missing");
        } else if (length(title) > TITLE_MAX) {
            problems.put("title", "actionpage.editor.error.title.tooLong");
        }
        if (blank(intro)) {
            problems.put("intro", "actionpage.editor.error.intro.missing");
        } else if (length(intro) > INTRO_MAX) {
            problems.put("intro", "actionpage.editor.error.intro.tooLong");
        }
        List<String> items = beforeYouStart.stream().filter(item -> !blank(item)).toList();
        if (items.size() > ITEMS_MAX) {
            problems.put("beforeYouStart", "actionpage.editor.error.beforeYouStart.tooMany");
        } else if (items.stream().anyMatch(item -> length(item) > ITEM_MAX)) {
            problems.put("beforeYouStart", "actionpage.editor.error.beforeYouStart.tooLong");
        }
        tooLong(problems, "startLabel", startLabel, LABEL_MAX);
        tooLong(problems, "continuesOn", continuesOn, CONTINUES_ON_MAX);
        tooLong(problems, "alternatives", alternatives, TEXT_MAX);
        tooLong(problems, "afterwards", afterwards, TEXT_MAX);
        tooLong(problems, "moreInformation", moreInformation, TEXT_MAX);
        tooLong(problems, "rules", rules, TEXT_MAX);
        tooLong(problems, "fees", fees, TEXT_MAX);
        tooLong(problems, "deadlines", deadlines, TEXT_MAX);
        if (plannedDowntime != null && length(plannedDowntime.message()) > PlannedDowntime.MESSAGE_MAX) {
            problems.put("plannedDowntime", "actionpage.editor.error.downtime.messageTooLong");
        }
        return problems;
    }

    private static void tooLong(Map<String, String> problems, String element, String text, int max) {
        if (length(text) > max) {
            problems.put(element, "actionpage.editor.error." + element + ".tooLong");
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.strip().length();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The start label, or one built from the title's verb when none is set: "Meld flytning" → "Start anmeldelsen". */
    public String effectiveStartLabel() {
        if (startLabel != null && !startLabel.isBlank()) {
            return startLabel;
        }
        return StartLabel.fromTitle(title);
    }
}
