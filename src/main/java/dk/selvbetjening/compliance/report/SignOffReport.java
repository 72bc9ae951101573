package dk.selvbetjening.compliance.report;

import java.util.List;

/** A year's readiness sign-off: each mandatory solution, and the counts per authority, per wave and in all. */
public record SignOffReport(int year, List<SignOffRow> rows, List<SignOffGroup> byAuthority,
        List<SignOffGroup> byWave, SignOffGroup total) {
}
