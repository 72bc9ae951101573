package dk.selvbetjening.actionpage.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.PlannedDowntime;

/** Word-level differences between two action page texts, field by field (java-diff-utils' Myers diff on words). */
public final class ActionPageDiff {

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    /** The fields in the order the editor shows them, each with how to read it as text. */
    private static final List<Field> FIELDS = List.of(
            new Field("title", ActionPageContent::title),
            new Field("intro", ActionPageContent::intro),
            new Field("beforeYouStart", c -> String.join("\n", c.beforeYouStart())),
            new Field("startLabel", ActionPageContent::startLabel),
            new Field("continuesOn", ActionPageContent::continuesOn),
            new Field("alternatives", ActionPageContent::alternatives),
            new Field("afterwards", ActionPageContent::afterwards),
            new Field("moreInformation", ActionPageContent::moreInformation),
            new Field("rules", ActionPageContent::rules),
            new Field("fees", ActionPageContent::fees),
            new Field("deadlines", ActionPageContent::deadlines),
            new Field("plannedDowntime", c -> c.plannedDowntime() == null ? null
                    : PlannedDowntime.WRITTEN.format(c.plannedDowntime().from()) + " – "
                            + PlannedDowntime.WRITTEN.format(c.plannedDowntime().until()) + ": " + c.plannedDowntime().message()));

    private ActionPageDiff() {
    }

    public static List<FieldDiff> between(ActionPageContent from, ActionPageContent to) {
        List<FieldDiff> diffs = new ArrayList<>();
        for (Field field : FIELDS) {
            String a = field.text().apply(from);
            String b = field.text().apply(to);
            diffs.add(new FieldDiff(field.name(), words(a == null ? "" : a, b == null ? "" : b)));
        }
        return diffs;
    }

    static List<DiffSegment> words(String from, String to) {
        List<String> a = tokens(from);
        List<String> b = tokens(to);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<DiffSegment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, DiffSegment.Kind.SAME, a.subList(position, start));
            add(segments, DiffSegment.Kind.REMOVED, delta.getSource().getLines());
            add(segments, DiffSegment.Kind.ADDED, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(segments, DiffSegment.Kind.SAME, a.subList(position, a.size()));
        return segments;
    }

    private static void add(List<DiffSegment> segments, DiffSegment.Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == kind) {
            DiffSegment last = segments.remove(segments.size() - 1);
            text = last.text() + text;
        }
        segments.add(new DiffSegment(kind, text));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private record Field(String name, Function<ActionPageContent, String> text) {
    }
}
