package dk.selvbetjening.actionpage.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits Danish text into sentences and words, for the guide checks and {@link Lix}.
 *
 * <p>A sentence ends at {@code .}, {@code !} or {@code ?} (repeated or not, optionally followed by a closing quote or
 * bracket) when whitespace and a capital letter, or the end of the text, follow; and at a blank line. A full stop
 * does not end a sentence after a common abbreviation ({@link #ABBREVIATIONS}), and never inside a number
 * ("2.5"), since no whitespace follows it there.
 *
 * <p>A word is a run of letters and digits; a hyphen, full stop or comma between two such runs does not split it
 * ("MitID-app", "f.eks", "2.5", "1,5").
 */
final class DanishSentences {

    /** Abbreviations, lower case with their final full stop, after which a full stop does not end a sentence. */
    static final Set<String> ABBREVIATIONS = Set.of("f.eks.", "bl.a.", "jf.", "pkt.", "nr.", "ca.", "evt.", "dvs.",
            "osv.", "kr.", "mv.", "m.v.", "m.m.", "stk.", "inkl.", "ekskl.", "tlf.", "vedr.", "iht.", "pga.", "kl.",
            "mht.", "ift.", "p.t.", "fx.");

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final Pattern BLANK_LINE = Pattern.compile("\\R[ \\t]*\\R");

    private DanishSentences() {
    }

    /** The sentences of {@code text} that hold at least one word, stripped; none for null or blank text. */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        for (String paragraph : BLANK_LINE.split(text)) {
            splitParagraph(paragraph, sentences);
        }
        return sentences;
    }

    /**
     * The words of {@code text}; none for null. A word is {@code [\p{L}\p{N}]+(?:[-.,][\p{L}\p{N}]+)*}, found in one
     * pass (as a regular expression the repeated group recursed once per part and overflowed the stack on a word of
     * a few thousand parts).
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (!PlainText.isLetterOrNumber(codePoint)) {
                i += Character.charCount(codePoint);
                continue;
            }
            int start = i;
            i = endOfRun(text, i);
            while (i + 1 < text.length() && isJoiner(text.charAt(i))
                    && PlainText.isLetterOrNumber(text.codePointAt(i + 1))) {
                i = endOfRun(text, i + 1);
            }
            words.add(text.substring(start, i));
        }
        return words;
    }

    /** Where the run of letters and digits starting at {@code from} ends. */
    private static int endOfRun(String text, int from) {
        int i = from;
        while (i < text.length() && PlainText.isLetterOrNumber(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '.' || c == ',';
    }

    private static void splitParagraph(String text, List<String> sentences) {
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isTerminator(c)) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && (isTerminator(text.charAt(end)) || isCloser(text.charAt(end)))) {
                end++;
            }
            boolean single = end == i + 1 || !isTerminator(text.charAt(i + 1));
            if (endsSentence(text, end) && !(c == '.' && single && afterAbbreviation(text, i))) {
                add(text.substring(start, end), sentences);
                start = end;
            }
            i = end;
        }
        add(text.substring(start), sentences);
    }

    /** Whether only whitespace follows {@code from}, or whitespace and then a capital letter. */
    private static boolean endsSentence(String text, int from) {
        if (from >= text.length()) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(from))) {
            return false;
        }
        int next = from;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        while (next < text.length() && isOpener(text.charAt(next))) {
            next++;
        }
        return next >= text.length() || Character.isUpperCase(text.codePointAt(next));
    }

    /** Whether the word ending just before the full stop at {@code dot} is a known abbreviation. */
    private static boolean afterAbbreviation(String text, int dot) {
        int from = dot;
        while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
            from--;
        }
        return ABBREVIATIONS.contains(text.substring(from, dot + 1).toLowerCase(DANISH));
    }

    private static void add(String candidate, List<String> sentences) {
        String sentence = candidate.strip();
        if (PlainText.hasLetterOrNumber(sentence)) {
            sentences.add(sentence);
        }
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == '”' || c == '“' || c == '»' || c == '’';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '(' || c == '„' || c == '“' || c == '«' || c == '»';
    }
}
