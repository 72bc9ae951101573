package dk.selvbetjening.connection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.SelfServiceScope;

/**
 * Everything about one request, for its owner, the editors and the holder of the status link. {@code duplicates} is
 * what anyone may see of other self-services and requests with the same URL; {@code duplicatesForEditors} names
 * them, and is empty unless the caller is an editor.
 */
public record ConnectionRequestDetails(
        UUID id,
        String reference,
        ConnectionRequestStatus status,
        ConnectionRequestKind kind,
        UUID existingServiceId,
        String title,
        String url,
        String shortDescription,
        String supplierName,
        String supplierEmail,
        String authorityCvr,
        UUID authorityId,
        String loginMethod,
        String serviceKind,
        Set<FormReturn> formReturn,
        SelfServiceScope scope,
        SortedMap<Integer, String> municipalLinks,
        List<String> topics,
        LocalDate plannedGoLive,
        ActionPageContent actionPage,
        List<RequestMessage> messages,
        List<PublicDuplicate> duplicates,
        List<DuplicateWarning> duplicatesForEditors,
        UUID createdServiceId,
        Instant publishedAt,
        Instant submittedAt,
        Instant updatedAt,
        long version) {

    public boolean isMunicipal() {
        return scope == SelfServiceScope.MUNICIPAL;
    }

    /** The value of the request's ETag. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
