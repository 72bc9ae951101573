package dk.selvbetjening.connection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.TopicSummary;
import dk.selvbetjening.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Looks up the names a request's pages show for its ids, slugs and codes. */
@Component
class RequestNames {

    private final SelfServiceService services;
    private final AuthorityService authorities;

    RequestNames(SelfServiceService services, AuthorityService authorities) {
        this.services = services;
        this.authorities = authorities;
    }

    ConnectionRequestNames of(ConnectionRequestDetails request) {
        return of(request.municipalLinks().keySet(), request.existingServiceId(), request.authorityId(),
                request.topics());
    }

    /** The names for a submission that was checked but not stored (the "Tjek dine svar" page). */
    ConnectionRequestNames of(ValidSubmission submission) {
        return of(submission.municipalLinks().keySet(), submission.existingServiceId(), submission.authorityId(),
                submission.topics());
    }

    private ConnectionRequestNames of(Set<Integer> municipalityCodes, UUID existingServiceId, UUID authorityId,
            List<String> topics) {
        Map<Integer, String> municipalityNames = Map.of();
        if (!municipalityCodes.isEmpty()) {
            Map<Integer, String> all = authorities.municipalities().stream()
                    .collect(Collectors.toMap(MunicipalitySummary::code, MunicipalitySummary::name));
            municipalityNames = municipalityCodes.stream()
                    .collect(Collectors.toMap(code -> code, code -> all.getOrDefault(code, "")));
        }
        Map<String, String> titles = services.topics().stream()
                .collect(Collectors.toMap(TopicSummary::slug, TopicSummary::title));
        return new ConnectionRequestNames(municipalityNames,
                existingServiceId == null ? null : service(existingServiceId).orElse(null),
                authorityId == null ? null : authority(authorityId),
                topics.stream().map(t -> titles.getOrDefault(t, t)).toList());
    }

    /** The self-service, or empty when it is gone. */
    Optional<SelfServiceDetails> service(UUID id) {
        try {
            return Optional.of(services.byId(id));
        } catch (SelfServiceNotFoundException e) {
            return Optional.empty();
        }
    }

    private AuthorityDetails authority(UUID id) {
        try {
            return authorities.authority(id);
        } catch (NotFoundException e) {
            return null;
        }
    }
}
