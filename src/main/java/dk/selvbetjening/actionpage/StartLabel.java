package dk.selvbetjening.actionpage;

import java.util.Locale;
import java.util.Map;

/**
 * The start button's label when the author wrote none, built from the title's first word — the task's verb — so it
 * reads as Danish: "Søg om boligstøtte" → "Start ansøgningen", "Anmeld rotter" → "Start anmeldelsen", "Skriv dit barn
 * ind i skole" → "Start indskrivningen". A title whose verb is not known here gets "Start nu"; the author can always
 * write the label (startLabel) instead.
 */
public final class StartLabel {

    static final String FALLBACK = "Start nu";

    /** The task's verb (imperative, lower case) → the task as a definite noun. */
    private static final Map<String, String> NOUNS = Map.ofEntries(
            Map.entry("søg", "ansøgningen"),
            Map.entry("ansøg", "ansøgningen"),
            Map.entry("anmeld", "anmeldelsen"),
            Map.entry("meld", "anmeldelsen"),
            Map.entry("indberet", "indberetningen"),
            Map.entry("bestil", "bestillingen"),
            Map.entry("book", "bookingen"),
            Map.entry("reserver", "reservationen"),
            Map.entry("tilmeld", "tilmeldingen"),
            Map.entry("afmeld", "afmeldingen"),
            Map.entry("opret", "oprettelsen"),
            Map.entry("forny", "fornyelsen"),
            Map.entry("ret", "rettelsen"),
            Map.entry("ændr", "ændringen"),
            Map.entry("registrer", "registreringen"),
            Map.entry("beregn", "beregningen"),
            Map.entry("betal", "betalingen"),
            Map.entry("klag", "klagen"),
            Map.entry("opsig", "opsigelsen"),
            Map.entry("flyt", "flytningen"));

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private StartLabel() {
    }

    /** "Start" and the task as a noun, from the title; "Start nu" when the title's verb is not known here. */
    public static String fromTitle(String title) {
        if (title == null || title.isBlank()) {
            return FALLBACK;
        }
        String[] words = title.strip().toLowerCase(DANISH).split("[\\s,.:;!?]+");
        String verb = words[0];
        if ("skriv".equals(verb)) {
            // "Skriv dit barn ind i skole", "Skriv dig op til en bolig": the particle makes the noun
            for (String word : words) {
                if ("ind".equals(word)) {
                    return "Start indskrivningen";
                }
                if ("op".equals(word)) {
                    return "Start opskrivningen";
                }
            }
            return FALLBACK;
        }
        String noun = NOUNS.get(verb);
        return noun == null ? FALLBACK : "Start " + noun;
    }
}
