/**
 * Compliance with Udviklingsvejledningen: the requirement catalogue (versioned data), each mandatory solution's
 * assessment, exemptions, the publication gate for wave solutions and the yearly readiness sign-off (klarmelding).
 * Uses {@code catalogue} (the solutions and the gate's SPI), {@code authority}, {@code account} (who may answer,
 * review and sign off), {@code actionpage} (requirement 2.2's checks) and {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "catalogue", "authority", "account", "actionpage", "actionpage :: guide",
                "audit"})
package dk.selvbetjening.compliance;
