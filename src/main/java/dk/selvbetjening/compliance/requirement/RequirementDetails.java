package dk.selvbetjening.compliance.requirement;

/**
 * A requirement of the catalogue. {@code number} is area.item ("2.10"); {@code verified} false means the wording is
 * a draft not checked against the official text ("ikke verificeret ordlyd"); {@code retired} ones no longer apply.
 * {@code wordingRevision}: the revision whose wording this is; {@code version}: for optimistic locking.
 */
public record RequirementDetails(String number, int area, int item, String title, String wording, boolean verified,
        boolean retired, int revision, int wordingRevision, long version) {
}
