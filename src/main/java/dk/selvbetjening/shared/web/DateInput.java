package dk.selvbetjening.shared.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A date typed as day, month and year in three inputs (the GOV.UK date input, DKFDS "datofelter"), as posted:
 * {@code <name>.day}, {@code <name>.month}, {@code <name>.year}. The fragment {@code fragments/form :: dateInput} shows
 * it; {@link #read()} says what the date is, or which part is wrong and why, one message per kind of mistake.
 */
public record DateInput(String day, String month, String year) {

    /** The part of the date a problem concerns; its input's id is the group's id plus the suffix (day: none). */
    public enum Part {
        DAY(""), MONTH("-month"), YEAR("-year"), WHOLE("");

        private final String idSuffix;

        Part(String idSuffix) {
            this.idSuffix = idSuffix;
        }

        public String idSuffix() {
            return idSuffix;
        }
    }

    /**
     * What the three inputs say: no date (all empty), a date, or a problem: the message key ({@code form.date.*})
     * and the part to point at.
     */
    public record Reading(LocalDate date, String problemKey, Part part) {

        public boolean empty() {
            return date == null && problemKey == null;
        }

        public boolean hasProblem() {
            return problemKey != null;
        }
    }

    public DateInput {
        day = strip(day);
        month = strip(month);
        year = strip(year);
    }

    public static DateInput empty() {
        return new DateInput(null, null, null);
    }

    /** The inputs filled in with {@code date} (null: empty). */
    public static DateInput of(LocalDate date) {
        return date == null ? empty()
                : new DateInput(Integer.toString(date.getDayOfMonth()), Integer.toString(date.getMonthValue()),
                        Integer.toString(date.getYear()));
    }

    public boolean isEmpty() {
        return day.isEmpty() && month.isEmpty() && year.isEmpty();
    }

    public Reading read() {
        if (isEmpty()) {
            return new Reading(null, null, null);
        }
        List<String> missing = new ArrayList<>();
        if (day.isEmpty()) {
            missing.add("day");
        }
        if (month.isEmpty()) {
            missing.add("month");
        }
        if (year.isEmpty()) {
            missing.add("year");
        }
        if (!missing.isEmpty()) {
            if (missing.size() > 1) {
                String second = missing.get(1);
                return problem("form.date.missing." + missing.get(0) + "And"
                        + Character.toUpperCase(second.charAt(0)) + second.substring(1), Part.WHOLE);
            }
            return problem("form.date.missing." + missing.get(0),
                    Part.valueOf(missing.get(0).toUpperCase(Locale.ROOT)));
        }
        if (!digits(day, 2) || !digits(month, 2) || !year.chars().allMatch(Character::isDigit)) {
            return problem("form.date.notNumbers", Part.WHOLE);
        }
        if (year.length() != 4) {
            return problem("form.date.yearDigits", Part.YEAR);
        }
        try {
            return new Reading(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)),
                    null, null);
        } catch (DateTimeException e) {
            return problem("form.date.impossible", Part.WHOLE);
        }
    }

    /** The date as ISO text (2027-03-01), what an API would send; null when empty or unreadable. */
    public String iso() {
        Reading reading = read();
        return reading.date() == null ? null : reading.date().toString();
    }

    private static Reading problem(String key, Part part) {
        return new Reading(null, key, part);
    }

    private static boolean digits(String text, int max) {
        return !text.isEmpty() && text.length() <= max && text.chars().allMatch(Character::isDigit);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
