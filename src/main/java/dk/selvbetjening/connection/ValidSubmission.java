package dk.selvbetjening.connection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A submission that passed validation, in typed form. */
record ValidSubmission(ConnectionRequestKind kind, UUID existingServiceId, String title, String url,
        String normalizedUrl, String shortDescription, String supplierName, String supplierEmail, String authorityCvr,
        UUID authorityId, String loginMethod, String serviceKind, List<String> topics, LocalDate plannedGoLive,
        ActionPageText actionPage) {
}
