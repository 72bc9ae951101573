package dk.selvbetjening.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The action page's "Før du går i gang" list laid out as a start page: the line that says how long it takes on its
 * own ("Det tager cirka 10 minutter."), then what the citizen needs ("Du skal bruge:" and the things), then the
 * remaining advice. Authors write one list; which item is which is read from how it begins: a time when it begins
 * "Det tager" or "Regn med", advice when it begins as a sentence ("Du kan …", "Det er gratis.", "Skriv under."),
 * otherwise a thing the citizen needs ("MitID.", "Din nye adresse …"; "Du skal bruge MitID." becomes "MitID."). The
 * order within each part is the author's.
 *
 * @param timeNeeded the first item that says how long it takes, or null
 * @param youNeed the things the citizen needs
 * @param advice the rest
 */
public record BeforeYouStart(String timeNeeded, List<String> youNeed, List<String> advice) {

    private static final Pattern TIME = Pattern.compile("^(det tager|regn med|det varer)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    /** First words that make an item a sentence of advice rather than a thing to have at hand. */
    private static final Set<String> ADVICE = Set.of("du", "det", "der", "i", "vi", "man", "har", "husk", "tænk", "tal",
            "søg", "print", "sæt", "skriv", "vælg", "læs", "send", "udfyld", "gå", "ring", "hvis", "når");
    private static final Pattern YOU_NEED = Pattern.compile("^du skal bruge:?\\s+(\\S.*)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    private static final Locale DANISH = Locale.forLanguageTag("da");

    public BeforeYouStart {
        youNeed = List.copyOf(youNeed);
        advice = List.copyOf(advice);
    }

    static BeforeYouStart of(List<String> items) {
        String time = null;
        List<String> needs = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        for (String raw : items) {
            String item = raw == null ? "" : raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            Matcher need = YOU_NEED.matcher(item);
            if (time == null && TIME.matcher(item).matches()) {
                time = item;
            } else if (need.matches()) {
                String thing = need.group(1);
                needs.add(thing.substring(0, 1).toUpperCase(DANISH) + thing.substring(1));
            } else if (ADVICE.contains(firstWord(item))) {
                advice.add(item);
            } else {
                needs.add(item);
            }
        }
        return new BeforeYouStart(time, needs, advice);
    }

    public boolean isEmpty() {
        return timeNeeded == null && youNeed.isEmpty() && advice.isEmpty();
    }

    private static String firstWord(String item) {
        String[] words = item.split("[\\s,.:;!?]+", 2);
        return words.length == 0 ? "" : words[0].toLowerCase(DANISH);
    }
}
