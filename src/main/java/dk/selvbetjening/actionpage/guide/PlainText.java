package dk.selvbetjening.actionpage.guide;

/**
 * Small operations on text written as single passes, so their time grows with the text's length and no more: the
 * regular expressions they replace ({@code [.,;:!?)]+$}, {@code \s*\n\s*}, a repeated group) backtracked
 * quadratically or recursed once per repetition on long hostile input.
 */
public final class PlainText {

    private PlainText() {
    }

    /** The text without the run of {@code characters} at its end. */
    public static String withoutTrailing(String text, String characters) {
        int end = text.length();
        while (end > 0 && characters.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Each run of whitespace that holds a line break, as one space; other whitespace as it is. */
    public static String lineBreaksAsSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!isRegexWhitespace(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int start = i;
            boolean lineBreak = false;
            while (i < text.length() && isRegexWhitespace(text.charAt(i))) {
                lineBreak |= text.charAt(i) == '\n';
                i++;
            }
            if (lineBreak) {
                out.append(' ');
            } else {
                out.append(text, start, i);
            }
        }
        return out.toString();
    }

    /** Whether the text holds a letter or a number ({@code [\p{L}\p{N}]}). */
    static boolean hasLetterOrNumber(String text) {
        return text.codePoints().anyMatch(PlainText::isLetterOrNumber);
    }

    /** {@code \p{L}} or {@code \p{N}}: a letter, or a number of any kind (digits, Roman numerals, fractions). */
    static boolean isLetterOrNumber(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** {@code \s} of a Java regular expression: space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean isRegexWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
