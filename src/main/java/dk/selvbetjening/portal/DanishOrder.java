package dk.selvbetjening.portal;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * A–Å as a Danish reader expects it: Æ, Ø and Å after Z, and "Aa" read as "Å" (Aabenraa, Aalborg and Aarhus last),
 * which is what the JDK's collator for Danish does (tested).
 */
public final class DanishOrder {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private DanishOrder() {
    }

    /** A new comparator each call: a {@link Collator} is not meant to be shared between threads. */
    public static Comparator<String> names() {
        return Collator.getInstance(DANISH)::compare;
    }
}
