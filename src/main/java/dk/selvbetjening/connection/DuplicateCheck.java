package dk.selvbetjening.connection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import org.springframework.stereotype.Component;

/**
 * Self-services and other open requests with a request's URL, compared in normalized form. A municipal request has
 * no URL of its own and no duplicates. The self-service a request changes or made is not its duplicate.
 */
@Component
class DuplicateCheck {

    private final SelfServiceService services;
    private final ConnectionRequestRepository requests;

    DuplicateCheck(SelfServiceService services, ConnectionRequestRepository requests) {
        this.services = services;
        this.requests = requests;
    }

    /** The request's duplicates: the self-services first, then the other open requests by reference. */
    List<DuplicateWarning> of(ConnectionRequest request) {
        List<DuplicateWarning> found = new ArrayList<>();
        if (request.normalizedUrl() == null) {
            return found;
        }
        for (SelfServiceDetails service : services.withNormalizedUrl(request.normalizedUrl())) {
            if (!isOwnService(request, service.id())) {
                found.add(new DuplicateWarning(service.url(), service.slug(), service.title(),
                        service.status() == SelfServiceStatus.PUBLISHED, null));
            }
        }
        requests.findByNormalizedUrlAndStatusIn(request.normalizedUrl(), ConnectionRequestStatus.open()).stream()
                .filter(other -> !other.id().equals(request.id()))
                .sorted(Comparator.comparing(ConnectionRequest::reference))
                .forEach(other -> found.add(new DuplicateWarning(request.normalizedUrl(), null, null, false,
                        other.reference())));
        return found;
    }

    /**
     * The ids of those of {@code shown} that have a duplicate, as {@link #of} would find one, with a single question
     * to the catalogue for all of them; the other requests are looked for among {@code all}, already loaded.
     */
    Set<UUID> withDuplicates(List<ConnectionRequest> shown, List<ConnectionRequest> all) {
        Map<String, Set<UUID>> serviceIds = services.idsByNormalizedUrl(shown.stream()
                .map(ConnectionRequest::normalizedUrl).filter(Objects::nonNull).toList());
        Map<String, List<ConnectionRequest>> open = new HashMap<>();
        all.stream().filter(r -> r.normalizedUrl() != null && ConnectionRequestStatus.open().contains(r.status()))
                .forEach(r -> open.computeIfAbsent(r.normalizedUrl(), url -> new ArrayList<>()).add(r));
        Set<UUID> flagged = new HashSet<>();
        for (ConnectionRequest request : shown) {
            String url = request.normalizedUrl();
            if (url == null) {
                continue;
            }
            boolean service = serviceIds.getOrDefault(url, Set.of()).stream().anyMatch(id -> !isOwnService(request, id));
            boolean otherRequest = open.getOrDefault(url, List.of()).stream()
                    .anyMatch(other -> !other.id().equals(request.id()));
            if (service || otherRequest) {
                flagged.add(request.id());
            }
        }
        return flagged;
    }

    private static boolean isOwnService(ConnectionRequest request, UUID serviceId) {
        return serviceId.equals(request.existingServiceId()) || serviceId.equals(request.createdServiceId());
    }
}
