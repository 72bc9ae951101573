package dk.selvbetjening.connection.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.TopicSummary;
import dk.selvbetjening.connection.ConnectionRequestDetails;
import dk.selvbetjening.connection.ConnectionRequestKind;
import dk.selvbetjening.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the connection pages show besides the request itself: the form's choices and names for ids. */
@Component
class ConnectionPages {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final SelfServiceService services;
    private final AuthorityService authorities;
    private final MessageSource messages;

    ConnectionPages(SelfServiceService services, AuthorityService authorities, MessageSource messages) {
        this.services = services;
        this.authorities = authorities;
        this.messages = messages;
    }

    /** A message in Danish, for exceptions whose text a page shows. */
    String text(String key) {
        return messages.getMessage(key, null, DANISH);
    }

    /** The choices of the connection form: kinds, published services, login methods, kinds of solution, topics. */
    void addFormChoices(Model model) {
        model.addAttribute("kinds", ConnectionRequestKind.values());
        model.addAttribute("publishedServices", services.published());
        model.addAttribute("loginMethods", LoginMethod.values());
        model.addAttribute("serviceKinds", SelfServiceKind.values());
        model.addAttribute("topics", services.topics());
    }

    /** Names for a request's ids and slugs: the existing service, the authority, the topics. */
    void addRequestNames(ConnectionRequestDetails request, Model model) {
        model.addAttribute("existingService", request.existingServiceId() == null ? null
                : service(request.existingServiceId()).orElse(null));
        model.addAttribute("authority", request.authorityId() == null ? null : authority(request.authorityId()));
        Map<String, String> titles = services.topics().stream()
                .collect(Collectors.toMap(TopicSummary::slug, TopicSummary::title));
        model.addAttribute("topicTitles", request.topics().stream().map(t -> titles.getOrDefault(t, t)).toList());
    }

    /** The self-service an approved request made or changed, once citizens see the approved content. */
    Optional<SelfServiceDetails> publishedResult(ConnectionRequestDetails request) {
        if (request.createdServiceId() == null || request.publishedAt() == null) {
            return Optional.empty();
        }
        return service(request.createdServiceId());
    }

    private Optional<SelfServiceDetails> service(UUID id) {
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
