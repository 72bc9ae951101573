package dk.selvbetjening.connection.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceScope;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.TopicSummary;
import dk.selvbetjening.connection.ConnectionRequestKind;
import dk.selvbetjening.connection.ConnectionRequestNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the connection pages show besides the request itself: the form's choices and names for ids. */
@Component
class ConnectionPages {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final SelfServiceService services;
    private final MessageSource messages;

    ConnectionPages(SelfServiceService services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
    }

    /** A message in Danish, for exceptions whose text a page shows. */
    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DANISH);
    }

    /** A message in Danish with its arguments. */
    String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DANISH);
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
    void addRequestNames(ConnectionRequestNames names, Model model) {
        model.addAttribute("municipalityNames", names.municipalityNames());
        model.addAttribute("existingService", names.existingService());
        model.addAttribute("authority", names.authority());
        model.addAttribute("topicTitles", names.topicTitles());
    }
}
