package dk.selvbetjening.compliance;

import java.util.List;

import dk.selvbetjening.catalogue.SelfServiceDetails;

/** One mandatory solution in a year's readiness sign-off, with what is missing (Danish) when failing. */
public record SignOffRow(SelfServiceDetails service, String authorityName, int wave, SignOffState state,
        SignOffDetails signOff, ExemptionDetails exemption, List<String> missing) {
}
