package dk.selvbetjening.compliance;

/**
 * A mandatory solution in a year's readiness sign-off. FAILING: some requirement is not satisfied and no exemption is
 * valid. PENDING: it may be signed off (every requirement satisfied, or a valid exemption) but is not signed off for
 * the year. SIGNED_OFF: signed off for the year and still passing.
 */
public enum SignOffState {
    SIGNED_OFF, PENDING, FAILING;

    static SignOffState of(Readiness readiness, SignOffDetails signOff) {
        if (!readiness.passes()) {
            return FAILING;
        }
        return signOff == null ? PENDING : SIGNED_OFF;
    }
}
