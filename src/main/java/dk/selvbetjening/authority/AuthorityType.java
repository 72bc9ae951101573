package dk.selvbetjening.authority;

import java.util.Optional;

/** What kind of body an authority is. Public ones log citizens in through NemLog-in; private ones cannot. */
public enum AuthorityType {
    STATE("Stat"), REGION("Region"), MUNICIPALITY("Kommune"), PRIVATE("Privat");

    private final String csvWord;

    AuthorityType(String csvWord) {
        this.csvWord = csvWord;
    }

    public boolean isPublic() {
        return this != PRIVATE;
    }

    /** The type as the CSV file writes it ("Kommune"). */
    public String csvWord() {
        return csvWord;
    }

    /** The type written as its name ("MUNICIPALITY") or its CSV word ("kommune"), in any case; empty otherwise. */
    public static Optional<AuthorityType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String given = text.strip();
        for (AuthorityType type : values()) {
            if (type.name().equalsIgnoreCase(given) || type.csvWord.equalsIgnoreCase(given)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
