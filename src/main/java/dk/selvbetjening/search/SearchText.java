package dk.selvbetjening.search;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A query as words: lower case, everything that is not a letter or a digit (query syntax, control characters, emoji)
 * a space between words. What the search counts, matches synonyms against and builds its query from.
 */
final class SearchText {

    private static final Locale DA = Locale.forLanguageTag("da");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** The longest normalised query kept (the API refuses a longer q before it gets here). */
    static final int MAX = 200;

    private SearchText() {
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String words = NOT_WORD.matcher(text.toLowerCase(DA)).replaceAll(" ").strip();
        return words.length() > MAX ? words.substring(0, MAX).strip() : words;
    }

    static String[] words(String normalised) {
        return normalised.isEmpty() ? new String[0] : normalised.split(" ");
    }
}
