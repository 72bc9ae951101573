package dk.selvbetjening.compliance.requirement;

/** What one revision of a requirement changed. Only ADDED and REWORDED change its wording. */
public enum RequirementChange {
    ADDED, REWORDED, RETIRED, REINSTATED, VERIFIED
}
