package dk.selvbetjening.actionpage;

import java.util.List;
import java.util.Locale;

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

    /** The start label, or "Start " and the title's task when none is set: "Meld flytning" → "Start meld flytning". */
    public String effectiveStartLabel() {
        if (startLabel != null && !startLabel.isBlank()) {
            return startLabel;
        }
        return "Start " + title.substring(0, 1).toLowerCase(new Locale("da")) + title.substring(1);
    }
}
