package dk.selvbetjening.actionpage.guide;

import java.util.List;
import java.util.OptionalInt;

/**
 * LIX, the Scandinavian readability index (Björnsson): words per sentence plus the percentage of long words.
 * {@code LIX = words / sentences + 100 × long words / words}, rounded to the nearest whole number.
 *
 * <p>Words and sentences are those of {@link DanishSentences}. A long word has more than six letters; digits,
 * hyphens and full stops inside a word are not letters, so "2026" and "f.eks" are short. Each text given counts as
 * at least one sentence (a list item or a title needs no full stop).
 */
final class Lix {

    static final int LONG_WORD_LETTERS = 7;

    private Lix() {
    }

    /** The LIX of the texts read as one; empty when they hold no words. */
    static OptionalInt of(List<String> texts) {
        int words = 0;
        int longWords = 0;
        int sentences = 0;
        for (String text : texts) {
            List<String> textWords = DanishSentences.words(text);
            if (textWords.isEmpty()) {
                continue;
            }
            words += textWords.size();
            longWords += (int) textWords.stream().filter(Lix::isLong).count();
            sentences += Math.max(1, DanishSentences.sentences(text).size());
        }
        if (words == 0) {
            return OptionalInt.empty();
        }
        double index = (double) words / sentences + 100.0 * longWords / words;
        return OptionalInt.of((int) Math.round(index));
    }

    static boolean isLong(String word) {
        return word.codePoints().filter(Character::isLetter).count() >= LONG_WORD_LETTERS;
    }
}
