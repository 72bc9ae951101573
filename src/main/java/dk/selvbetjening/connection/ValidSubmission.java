package dk.selvbetjening.connection;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.SelfServiceScope;

/**
 * A submission that passed validation, in typed form. {@code url} and {@code normalizedUrl} are null for a MUNICIPAL
 * request, whose {@code municipalLinks} map municipality codes to URLs; {@code actionPage} has no text or is whole.
 */
record ValidSubmission(ConnectionRequestKind kind, UUID existingServiceId, String title, String url,
        String normalizedUrl, String shortDescription, String supplierName, String supplierEmail, String authorityCvr,
        UUID authorityId, String loginMethod, String serviceKind, Set<FormReturn> formReturn, SelfServiceScope scope,
        SortedMap<Integer, String> municipalLinks, List<String> topics, LocalDate plannedGoLive,
        ActionPageContent actionPage) {
}
