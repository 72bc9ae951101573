package dk.selvbetjening.municipallink;

import java.util.UUID;

/** A municipality's link for a self-service was set, changed or cleared. */
public record MunicipalLinkChanged(UUID selfServiceId, int municipalityCode) {
}
