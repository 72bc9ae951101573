package dk.selvbetjening.catalogue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The ASCII path segment of a page: lower case, hyphens, Danish letters spelt out (æ→ae, ø→oe, å→aa). */
public record Slug(String value) {

    private static final Pattern FORM = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int MAX_LENGTH = 120;

    public Slug {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a slug: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && candidate.length() <= MAX_LENGTH && FORM.matcher(candidate).matches();
    }

    /** The slug of a title: "Skriv dit barn op til daginstitution" → "skriv-dit-barn-op-til-daginstitution". */
    public static Slug of(String title) {
        String text = title.toLowerCase(Locale.ROOT)
                .replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
        text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        text = text.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return new Slug(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
