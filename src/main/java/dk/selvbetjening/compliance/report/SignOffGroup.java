package dk.selvbetjening.compliance.report;

/** The counts of one group (an authority, a wave, or all) in a year's readiness sign-off. */
public record SignOffGroup(String label, int signedOff, int pending, int failing) {

    public int total() {
        return signedOff + pending + failing;
    }

    /** The share signed off, 0-100, rounded down. */
    public int percentSignedOff() {
        return total() == 0 ? 0 : signedOff * 100 / total();
    }
}
