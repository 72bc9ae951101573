package dk.selvbetjening.actionpage.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.shared.DanishTime;
import org.springframework.modulith.NamedInterface;

/**
 * The action page's form as typed: the editor's, and the action page part of the connection request form (which
 * nests it under "actionPage." and leaves {@code basedOn} empty), so the text has one form and one set of rules.
 * "Før du går i gang" is one textarea with one item per line (blank lines are dropped), so it works without
 * JavaScript and needs no "add item" button. The planned downtime is three inputs: start and end
 * as {@code datetime-local} in Danish time, and the message; all blank means no downtime. {@code basedOn} is the
 * revision the editor opened, so a save on top of someone else's newer revision is refused.
 */
@NamedInterface("form")
public record ActionPageForm(String title, String intro, String beforeYouStart, String startLabel,
        String continuesOn, String alternatives, String afterwards, String moreInformation, String rules, String fees,
        String deadlines, String downtimeFrom, String downtimeUntil, String downtimeMessage, String basedOn) {

    /** Browsers post line breaks as CR LF; the limits count a line break as one character, as the browser does. */
    public ActionPageForm {
        title = lf(title);
        intro = lf(intro);
        beforeYouStart = lf(beforeYouStart);
        startLabel = lf(startLabel);
        continuesOn = lf(continuesOn);
        alternatives = lf(alternatives);
        afterwards = lf(afterwards);
        moreInformation = lf(moreInformation);
        rules = lf(rules);
        fees = lf(fees);
        deadlines = lf(deadlines);
        downtimeMessage = lf(downtimeMessage);
    }

    /** An empty form. */
    public static ActionPageForm empty() {
        return new ActionPageForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** The form filled in with {@code content}, outside the editor (no revision to base a save on). */
    public static ActionPageForm of(ActionPageContent content) {
        return of(content, null);
    }

    static ActionPageForm of(ActionPageContent content, int basedOn) {
        return of(content, Integer.toString(basedOn));
    }

    private static ActionPageForm of(ActionPageContent content, String basedOn) {
        PlannedDowntime downtime = content.plannedDowntime();
        return new ActionPageForm(content.title(), content.intro(), String.join("\n", content.beforeYouStart()),
                content.startLabel(), content.continuesOn(), content.alternatives(), content.afterwards(),
                content.moreInformation(), content.rules(), content.fees(), content.deadlines(),
                downtime == null ? "" : DanishTime.input(downtime.from()),
                downtime == null ? "" : DanishTime.input(downtime.until()),
                downtime == null ? "" : downtime.message(), basedOn);
    }

    /** The same text on top of revision {@code basedOn} (after a conflict: saving again means "mine wins"). */
    ActionPageForm basedOn(int revision) {
        return new ActionPageForm(title, intro, beforeYouStart, startLabel, continuesOn, alternatives, afterwards,
                moreInformation, rules, fees, deadlines, downtimeFrom, downtimeUntil, downtimeMessage,
                Integer.toString(revision));
    }

    /** The non-blank lines of "Før du går i gang", stripped. */
    List<String> items() {
        return beforeYouStart == null ? List.of()
                : beforeYouStart.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The revision the form was opened on; a missing or garbled number can only be out of date (-1). */
    int basedOnRevision() {
        try {
            return Integer.parseInt(basedOn == null ? "" : basedOn.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * What is wrong with the form, input id → message key, in the order of the fields on the page (the error
     * summary reads like the form). Empty when the text can be saved. The limits are the text's own
     * ({@link ActionPageContent#problems()}); the downtime's inputs are checked as typed.
     */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>(toCheckableContent().problems());
        problems.remove("plannedDowntime");
        problems.putAll(downtimeProblems());
        return problems;
    }

    /**
     * What is wrong with the planned downtime as typed, input id ({@code downtimeFrom}, {@code downtimeUntil},
     * {@code downtimeMessage}) → message key: a part missing, a time that is no date and time, an end before the
     * start, a message too long. Empty when all three are blank or all are right.
     */
    public Map<String, String> downtimeProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (isBlank(downtimeFrom) && isBlank(downtimeUntil) && isBlank(downtimeMessage)) {
            return problems;
        }
        Optional<Instant> from = DanishTime.parse(downtimeFrom);
        Optional<Instant> until = DanishTime.parse(downtimeUntil);
        if (isBlank(downtimeFrom)) {
            problems.put("downtimeFrom", "actionpage.editor.error.downtime.fromMissing");
        } else if (from.isEmpty()) {
            problems.put("downtimeFrom", "actionpage.editor.error.downtime.invalid");
        }
        if (isBlank(downtimeUntil)) {
            problems.put("downtimeUntil", "actionpage.editor.error.downtime.untilMissing");
        } else if (until.isEmpty()) {
            problems.put("downtimeUntil", "actionpage.editor.error.downtime.invalid");
        } else if (from.isPresent() && !until.get().isAfter(from.get())) {
            problems.put("downtimeUntil", "actionpage.editor.error.downtime.untilBeforeFrom");
        }
        if (isBlank(downtimeMessage)) {
            problems.put("downtimeMessage", "actionpage.editor.error.downtime.messageMissing");
        } else if (length(downtimeMessage) > PlannedDowntime.MESSAGE_MAX) {
            problems.put("downtimeMessage", "actionpage.editor.error.downtime.messageTooLong");
        }
        return problems;
    }

    /** The text to save; only call when {@link #problems()} is empty. */
    ActionPageContent toContent() {
        PlannedDowntime downtime = isBlank(downtimeFrom) && isBlank(downtimeUntil) && isBlank(downtimeMessage) ? null
                : new PlannedDowntime(DanishTime.parse(downtimeFrom).orElseThrow(),
                        DanishTime.parse(downtimeUntil).orElseThrow(), downtimeMessage);
        return new ActionPageContent(title.strip(), intro.strip(), items(), blankToNull(startLabel),
                blankToNull(continuesOn), blankToNull(alternatives), blankToNull(afterwards),
                blankToNull(moreInformation), blankToNull(rules), blankToNull(fees), blankToNull(deadlines), downtime);
    }

    /**
     * The text as far as it can be read, for the guide checks: never fails, whatever was typed. A downtime that
     * cannot be read is left out.
     */
    public ActionPageContent toCheckableContent() {
        Optional<Instant> from = DanishTime.parse(downtimeFrom);
        Optional<Instant> until = DanishTime.parse(downtimeUntil);
        PlannedDowntime downtime = from.isPresent() && until.isPresent() && until.get().isAfter(from.get())
                && !isBlank(downtimeMessage) ? new PlannedDowntime(from.get(), until.get(), downtimeMessage) : null;
        return new ActionPageContent(title == null ? "" : title.strip(), intro == null ? "" : intro.strip(), items(),
                blankToNull(startLabel), blankToNull(continuesOn), blankToNull(alternatives), blankToNull(afterwards),
                blankToNull(moreInformation), blankToNull(rules), blankToNull(fees), blankToNull(deadlines), downtime);
    }

    private static String lf(String value) {
        return value == null ? null : value.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int length(String value) {
        return value == null ? 0 : value.strip().length();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
