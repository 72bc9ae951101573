package dk.selvbetjening.connection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceScope;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.catalogue.ServiceUrl;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.municipallink.MunicipalLinkSummary;
import org.springframework.stereotype.Component;

/**
 * Self-services and other open requests with a request's URL, compared in normalized form ({@link ServiceUrl#normalize}).
 * A municipal request has no URL of its own: each of its municipal links is compared with the municipal links of the
 * self-services (an indexed query, {@link MunicipalLinkService#withNormalizedUrls}) and of the other open municipal
 * requests, in any municipality. The self-service a request changes or made is not its duplicate.
 */
@Component
class DuplicateCheck {

    private static final int IDS_PER_QUERY = 1000;

    private final SelfServiceService services;
    private final MunicipalLinkService links;
    private final AuthorityService authorities;
    private final ConnectionRequestRepository requests;

    DuplicateCheck(SelfServiceService services, MunicipalLinkService links, AuthorityService authorities,
            ConnectionRequestRepository requests) {
        this.services = services;
        this.links = links;
        this.authorities = authorities;
        this.requests = requests;
    }

    /** The request's duplicates: the self-services first (by title), then the other open requests by reference. */
    List<DuplicateWarning> of(ConnectionRequest request) {
        if (request.scope() == SelfServiceScope.MUNICIPAL) {
            return ofMunicipal(request);
        }
        List<DuplicateWarning> found = new ArrayList<>();
        if (request.normalizedUrl() == null) {
            return found;
        }
        for (SelfServiceDetails service : services.withNormalizedUrl(request.normalizedUrl())) {
            if (!isOwnService(request, service.id())) {
                found.add(new DuplicateWarning(service.url(), service.slug(), service.title(),
                        service.status() == SelfServiceStatus.PUBLISHED, null, List.of()));
            }
        }
        requests.findByNormalizedUrlAndStatusIn(request.normalizedUrl(), ConnectionRequestStatus.open()).stream()
                .filter(other -> !other.id().equals(request.id()))
                .sorted(Comparator.comparing(ConnectionRequest::reference))
                .forEach(other -> found.add(new DuplicateWarning(request.normalizedUrl(), null, null, false,
                        other.reference(), List.of())));
        return found;
    }

    /**
     * A municipal request's duplicates: one warning per self-service and per other open request that has one of the
     * request's links, naming the request's municipalities whose link it has.
     */
    private List<DuplicateWarning> ofMunicipal(ConnectionRequest request) {
        Map<String, Set<Integer>> codesByUrl = codesByNormalizedUrl(request.municipalLinks());
        if (codesByUrl.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<Integer>> serviceCodes = new HashMap<>();
        links.withNormalizedUrls(codesByUrl.keySet()).forEach((url, matches) -> matches.stream()
                .map(MunicipalLinkSummary::selfServiceId)
                .filter(id -> !isOwnService(request, id))
                .forEach(id -> serviceCodes.computeIfAbsent(id, k -> new TreeSet<>()).addAll(codesByUrl.get(url))));
        Map<String, Set<Integer>> requestCodes = new TreeMap<>();
        for (RequestMunicipalLink other : requests.findMunicipalLinksByStatusIn(ConnectionRequestStatus.open())) {
            Set<Integer> codes = codesByUrl.get(other.normalizedUrl());
            if (codes != null && !other.requestId().equals(request.id())) {
                requestCodes.computeIfAbsent(other.reference(), k -> new TreeSet<>()).addAll(codes);
            }
        }
        if (serviceCodes.isEmpty() && requestCodes.isEmpty()) {
            return List.of();
        }
        Map<Integer, String> names = authorities.municipalities().stream()
                .collect(Collectors.toMap(MunicipalitySummary::code, MunicipalitySummary::name));
        List<DuplicateWarning> found = new ArrayList<>();
        serviceCodes.entrySet().stream()
                .flatMap(e -> service(e.getKey()).map(s -> Map.entry(s, e.getValue())).stream())
                .sorted(Comparator.comparing((Map.Entry<SelfServiceDetails, Set<Integer>> e) -> e.getKey().title())
                        .thenComparing(e -> e.getKey().slug()))
                .forEach(e -> found.add(new DuplicateWarning(firstUrl(request, e.getValue()), e.getKey().slug(),
                        e.getKey().title(), e.getKey().status() == SelfServiceStatus.PUBLISHED, null,
                        namesOf(e.getValue(), names))));
        requestCodes.forEach((reference, codes) -> found.add(new DuplicateWarning(firstUrl(request, codes), null, null,
                false, reference, namesOf(codes, names))));
        return found;
    }

    /**
     * The ids of those of {@code shown} that have a duplicate, as {@link #of} would find one, with a single question
     * to the catalogue, one to the municipal links and one for the requests' own municipal links for all of them (per
     * thousand URLs or requests); the other requests are looked for among {@code all}, already loaded.
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
        flagged.addAll(municipalWithDuplicates(shown, all));
        return flagged;
    }

    /** {@link #withDuplicates} for the municipal requests among {@code shown}. */
    private Set<UUID> municipalWithDuplicates(List<ConnectionRequest> shown, List<ConnectionRequest> all) {
        List<ConnectionRequest> shownMunicipal = shown.stream()
                .filter(r -> r.scope() == SelfServiceScope.MUNICIPAL).toList();
        if (shownMunicipal.isEmpty()) {
            return Set.of();
        }
        Set<UUID> wanted = new LinkedHashSet<>();
        shownMunicipal.forEach(r -> wanted.add(r.id()));
        all.stream().filter(r -> r.scope() == SelfServiceScope.MUNICIPAL)
                .filter(r -> ConnectionRequestStatus.open().contains(r.status())).forEach(r -> wanted.add(r.id()));
        Map<UUID, ConnectionRequest> byId = all.stream().collect(Collectors.toMap(ConnectionRequest::id, r -> r));
        List<UUID> ids = List.copyOf(wanted);
        Map<UUID, Set<String>> urlsByRequest = new HashMap<>();
        Map<String, Set<UUID>> openRequestsByUrl = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            for (RequestMunicipalLink link : requests.findMunicipalLinksByIdIn(
                    ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))) {
                String url = link.normalizedUrl();
                urlsByRequest.computeIfAbsent(link.requestId(), k -> new HashSet<>()).add(url);
                ConnectionRequest owner = byId.get(link.requestId());
                if (owner != null && ConnectionRequestStatus.open().contains(owner.status())) {
                    openRequestsByUrl.computeIfAbsent(url, k -> new HashSet<>()).add(link.requestId());
                }
            }
        }
        Map<String, List<MunicipalLinkSummary>> serviceLinks = links.withNormalizedUrls(shownMunicipal.stream()
                .flatMap(r -> urlsByRequest.getOrDefault(r.id(), Set.of()).stream()).collect(Collectors.toSet()));
        Set<UUID> flagged = new HashSet<>();
        for (ConnectionRequest request : shownMunicipal) {
            for (String url : urlsByRequest.getOrDefault(request.id(), Set.of())) {
                boolean service = serviceLinks.getOrDefault(url, List.of()).stream()
                        .anyMatch(link -> !isOwnService(request, link.selfServiceId()));
                boolean otherRequest = openRequestsByUrl.getOrDefault(url, Set.of()).stream()
                        .anyMatch(id -> !id.equals(request.id()));
                if (service || otherRequest) {
                    flagged.add(request.id());
                    break;
                }
            }
        }
        return flagged;
    }

    /** Each normalized URL among {@code municipalLinks} with the municipality codes whose link it is. */
    private static Map<String, Set<Integer>> codesByNormalizedUrl(Map<Integer, String> municipalLinks) {
        Map<String, Set<Integer>> codes = new HashMap<>();
        municipalLinks.forEach((code, url) -> {
            if (url != null && !url.isBlank()) {
                codes.computeIfAbsent(ServiceUrl.normalize(url), k -> new TreeSet<>()).add(code);
            }
        });
        return codes;
    }

    private static String firstUrl(ConnectionRequest request, Set<Integer> codes) {
        return request.municipalLinks().get(codes.iterator().next());
    }

    private static List<String> namesOf(Set<Integer> codes, Map<Integer, String> names) {
        return codes.stream().map(code -> names.getOrDefault(code, Integer.toString(code))).toList();
    }

    /** The self-service, or empty when it was deleted meanwhile. */
    private Optional<SelfServiceDetails> service(UUID id) {
        try {
            return Optional.of(services.byId(id));
        } catch (SelfServiceNotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean isOwnService(ConnectionRequest request, UUID serviceId) {
        return serviceId.equals(request.existingServiceId()) || serviceId.equals(request.createdServiceId());
    }
}
