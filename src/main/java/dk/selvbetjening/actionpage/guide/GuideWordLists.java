package dk.selvbetjening.actionpage.guide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The maintained word lists behind the guide checks: the verbs a title may start with
 * ({@value #VERBS}) and officialese with plainer suggestions ({@value #OFFICIALESE}). Each file explains its
 * format in its comment header.
 */
record GuideWordLists(Set<String> verbs, List<Officialese> officialese) {

    static final String VERBS = "actionpage/guide-verbs.txt";
    static final String OFFICIALESE = "actionpage/guide-officialese.tsv";

    private static final Locale DANISH = Locale.forLanguageTag("da");

    GuideWordLists {
        verbs = Set.copyOf(verbs);
        officialese = List.copyOf(officialese);
    }

    static GuideWordLists fromClasspath() {
        return parse(read(VERBS), read(OFFICIALESE));
    }

    /** Reads the lists from the files' text. */
    static GuideWordLists parse(String verbsFile, String officialeseFile) {
        Set<String> verbs = new HashSet<>();
        for (String line : content(verbsFile)) {
            Arrays.stream(line.split("[\\s/]+")).filter(w -> !w.isEmpty()).map(w -> w.toLowerCase(DANISH))
                    .forEach(verbs::add);
        }
        List<Officialese> officialese = new ArrayList<>();
        for (String line : content(officialeseFile)) {
            String[] columns = line.split("\t", -1);
            String suggestion = columns.length > 1 ? columns[1].strip() : "";
            boolean allowedInRules = columns.length > 2 && columns[2].strip().equals("rules");
            officialese.add(Officialese.of(columns[0].strip(), suggestion, allowedInRules));
        }
        return new GuideWordLists(verbs, officialese);
    }

    /** Whether {@code word} is one of the verbs, in any case. */
    boolean isVerb(String word) {
        return verbs.contains(word.toLowerCase(DANISH));
    }

    /**
     * A word or phrase to avoid, matched case-insensitively as a whole word (a side of it that is a letter or digit
     * must not touch another letter or digit; "§" matches anywhere).
     *
     * @param suggestion     a plainer way to say it; empty when there is no single one
     * @param allowedInRules true for references to legislation, which belong in the rules field
     */
    record Officialese(String phrase, String suggestion, boolean allowedInRules, Pattern pattern) {

        static Officialese of(String phrase, String suggestion, boolean allowedInRules) {
            String body = Arrays.stream(phrase.split("\\s+")).map(Pattern::quote).collect(Collectors.joining("\\s+"));
            String before = Character.isLetterOrDigit(phrase.codePointAt(0)) ? "(?<![\\p{L}\\p{N}])" : "";
            String after = Character.isLetterOrDigit(phrase.codePointBefore(phrase.length()))
                    ? "(?![\\p{L}\\p{N}])" : "";
            return new Officialese(phrase, suggestion, allowedInRules,
                    Pattern.compile(before + body + after, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    private static List<String> content(String file) {
        return file.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String read(String resource) {
        try (InputStream in = GuideWordLists.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing word list " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
