package dk.selvbetjening.catalogue;

/** The wave (bølge 1-4) that made a self-service mandatory; such solutions must meet every requirement. */
public record MandatoryWave(int number) {

    public MandatoryWave {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("A mandatory wave is 1-4, not " + number);
        }
    }
}
