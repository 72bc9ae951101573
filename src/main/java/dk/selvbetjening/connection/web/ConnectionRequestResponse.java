package dk.selvbetjening.connection.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.SelfServiceScope;
import dk.selvbetjening.connection.ConnectionRequestDetails;
import dk.selvbetjening.connection.DuplicateWarning;
import dk.selvbetjening.connection.PublicDuplicate;
import dk.selvbetjening.connection.RequestMessage;

/**
 * A connection request as {@code GET /api/v1/connection-requests/{reference}} answers. {@code duplicatesForEditors}
 * names the other requests and self-services with the same URL, for editors only (empty for anyone else).
 */
record ConnectionRequestResponse(String reference, String status, String kind, UUID existingServiceId, String title,
        String url, String shortDescription, String supplierName, String supplierEmail, String authority,
        String loginMethod, String serviceKind, Set<FormReturn> formReturn, SelfServiceScope scope,
        SortedMap<Integer, String> municipalLinks, List<String> topics, LocalDate plannedGoLive,
        ActionPageContent actionPage, List<RequestMessage> messages, List<PublicDuplicate> duplicates,
        List<DuplicateWarning> duplicatesForEditors,
        UUID serviceId, Instant submittedAt, Instant updatedAt) {

    static ConnectionRequestResponse of(ConnectionRequestDetails d) {
        return new ConnectionRequestResponse(d.reference(), d.status().name(), d.kind().name(), d.existingServiceId(),
                d.title(), d.url(), d.shortDescription(), d.supplierName(), d.supplierEmail(), d.authorityCvr(),
                d.loginMethod(), d.serviceKind(), d.formReturn(), d.scope(), d.municipalLinks(), d.topics(),
                d.plannedGoLive(), d.actionPage(), d.messages(), d.duplicates(), d.duplicatesForEditors(), d.createdServiceId(), d.submittedAt(), d.updatedAt());
    }
}
