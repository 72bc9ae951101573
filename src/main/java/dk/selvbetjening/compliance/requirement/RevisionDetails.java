package dk.selvbetjening.compliance.requirement;

/** One revision of a requirement, made by catalogue version {@code catalogueVersion}. */
public record RevisionDetails(String number, int revision, int catalogueVersion, RequirementChange change,
        int wordingRevision, String title, String wording, boolean verified, boolean retired) {
}
