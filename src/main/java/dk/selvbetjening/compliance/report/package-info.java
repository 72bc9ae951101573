/**
 * A year's readiness sign-off report across the mandatory solutions: one row each, the counts per authority, per
 * wave and in all, and its CSV export. Internal to compliance: reached through {@code AssessmentService.report}.
 */
package dk.selvbetjening.compliance.report;
