package dk.selvbetjening.compliance.report;

import java.util.List;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.compliance.ExemptionDetails;
import dk.selvbetjening.compliance.SignOffDetails;
import dk.selvbetjening.compliance.SignOffState;

/** One mandatory solution in a year's readiness sign-off, with what is missing (Danish) when failing. */
public record SignOffRow(SelfServiceDetails service, String authorityName, int wave, SignOffState state,
        SignOffDetails signOff, ExemptionDetails exemption, List<String> missing) {
}
