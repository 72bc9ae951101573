package dk.selvbetjening.connection.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.CvrNumber;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceScope;
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

    /**
     * The choices of the connection form: kinds, scopes, how a form is returned and topics (value → Danish label, in
     * the form's order), published services, login methods, kinds of solution.
     */
    void addFormChoices(Model model) {
        model.addAttribute("kinds", labels(ConnectionRequestKind.values(), "connection.kind."));
        model.addAttribute("publishedServices", services.published());
        model.addAttribute("scopes", labels(SelfServiceScope.values(), "connection.web.scope."));
        model.addAttribute("loginMethods", LoginMethod.values());
        model.addAttribute("serviceKinds", SelfServiceKind.values());
        model.addAttribute("formReturns", labels(FormReturn.values(), "connection.web.formReturn."));
        model.addAttribute("topics", services.topics().stream().collect(Collectors.toMap(TopicSummary::slug,
                TopicSummary::title, (a, b) -> a, LinkedHashMap::new)));
    }

    private Map<String, String> labels(Enum<?>[] values, String keyPrefix) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            labels.put(value.name(), text(keyPrefix + value.name()));
        }
        return labels;
    }

    /** Names for a request's ids, slugs and codes: the existing service, the authority, the topics, municipalities. */
    void addRequestNames(ConnectionRequestDetails request, Model model) {
        Map<Integer, String> municipalities = authorities.municipalities().stream()
                .collect(Collectors.toMap(MunicipalitySummary::code, MunicipalitySummary::name));
        model.addAttribute("municipalityNames", request.municipalLinks().keySet().stream()
                .collect(Collectors.toMap(code -> code, code -> municipalities.getOrDefault(code, ""))));
        model.addAttribute("existingService", request.existingServiceId() == null ? null
                : service(request.existingServiceId()).orElse(null));
        model.addAttribute("authority", request.authorityId() == null ? null : authority(request.authorityId()));
        Map<String, String> titles = services.topics().stream()
                .collect(Collectors.toMap(TopicSummary::slug, TopicSummary::title));
        model.addAttribute("topicTitles", request.topics().stream().map(t -> titles.getOrDefault(t, t)).toList());
    }

    /**
     * For a request whose CVR number named no registered authority when it was submitted: the authority registered
     * with that number since (linked when the request is approved), or empty when there is still none.
     */
    Optional<AuthorityDetails> authorityByCvr(ConnectionRequestDetails request) {
        if (request.authorityId() != null || request.authorityCvr() == null
                || !CvrNumber.isValid(request.authorityCvr())) {
            return Optional.empty();
        }
        return authorities.authorityByCvr(new CvrNumber(request.authorityCvr()));
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
