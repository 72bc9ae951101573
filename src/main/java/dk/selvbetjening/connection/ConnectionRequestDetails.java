package dk.selvbetjening.connection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Everything about one request, for its owner, the editors and the holder of the status link. */
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
        List<String> topics,
        LocalDate plannedGoLive,
        ActionPageText actionPage,
        List<RequestMessage> messages,
        List<DuplicateWarning> duplicates,
        UUID createdServiceId,
        Instant publishedAt,
        Instant submittedAt,
        Instant updatedAt,
        long version) {

    /** The value of the request's ETag. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
