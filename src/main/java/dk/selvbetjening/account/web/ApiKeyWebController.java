package dk.selvbetjening.account.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import dk.selvbetjening.account.ApiKeyException;
import dk.selvbetjening.account.ApiKeyScope;
import dk.selvbetjening.account.ApiProperties;
import dk.selvbetjening.account.ApiKeyService;
import dk.selvbetjening.account.ApiKeySummary;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.shared.web.Confirmation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editors issue API keys for authorities' systems (ADR 0028) and for the metrics scraper (ADR 0034): the list with each
 * key's authority, expiry (those expiring soon marked) and last use, a form that issues one for a number of days and
 * shows it once, and revocation after a confirmation. The page is never cached: it can carry a key.
 */
@Controller
class ApiKeyWebController {

    static final String BASE = "/redaktion/api-noegler";
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final ApiKeyService keys;
    private final AuthorityService authorities;
    private final MessageSource messages;
    private final ApiProperties properties;
    private final Clock clock;

    ApiKeyWebController(ApiKeyService keys, AuthorityService authorities, MessageSource messages,
            ApiProperties properties, Clock clock) {
        this.keys = keys;
        this.authorities = authorities;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String list(Model model) {
        return page(model, ApiKeyForm.empty(properties.keyLifetimeDays()), Map.of());
    }

    @PostMapping(BASE)
    String issue(@ModelAttribute ApiKeyForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        UUID authorityId = null;
        try {
            authorityId = form.authorityId() == null || form.authorityId().isBlank() ? null
                    : UUID.fromString(form.authorityId());
        } catch (IllegalArgumentException e) {
            // an unknown authority, said at the field below
        }
        // no choice sent (a form of the release before): an authority's key
        ApiKeyScope scope = form.scope() == null || form.scope().isBlank() || "AUTHORITY".equals(form.scope())
                ? ApiKeyScope.AUTHORITY : "METRICS".equals(form.scope()) ? ApiKeyScope.METRICS : null;
        try {
            redirect.addFlashAttribute("issued", keys.issue(scope, authorityId, form.name(), days(form.validDays())));
            return "redirect:" + BASE;
        } catch (ApiKeyException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, form, Map.of(e.field(), e.messageKey()));
        }
    }

    /** Revoking stops a system at once: the form's post shows a confirmation page, whose red button does it. */
    @PostMapping(BASE + "/{id}/tilbagekald")
    Object revoke(@PathVariable UUID id,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed,
            RedirectAttributes redirect) {
        ApiKeySummary key = keys.key(id).orElse(null);
        if (key == null || key.revoked()) {
            return "redirect:" + BASE;
        }
        if (!Confirmation.given(confirmed)) {
            return new Confirmation(text("apikeys.confirm.heading", key.name()),
                    key.metrics() ? text("nodesecurity.apikeys.confirm.warningMetrics")
                            : text("apikeys.confirm.warning", key.authorityName()), List.of(), BASE + "/" + id + "/tilbagekald",
                    Map.of(), text("apikeys.confirm.button"), BASE, text("apikeys.confirm.back")).page();
        }
        keys.revoke(id);
        redirect.addFlashAttribute("revoked", key.name());
        return "redirect:" + BASE;
    }

    /** Blank: the default lifetime; not a whole number: 0, which the service refuses at the field. */
    private static Integer days(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String page(Model model, ApiKeyForm form, Map<String, String> errors) {
        // The key shown once is never stored: Spring Security's "no-cache, no-store, …" (CacheControlTests)
        Instant now = clock.instant();
        List<ApiKeySummary> all = keys.keys();
        model.addAttribute("keys", all);
        model.addAttribute("expired", all.stream().filter(k -> k.expiredAt(now)).map(ApiKeySummary::id)
                .collect(Collectors.toSet()));
        model.addAttribute("expiringSoon", all.stream()
                .filter(k -> k.expiresSoon(now, properties.keyExpiryWarning())).map(ApiKeySummary::id)
                .collect(Collectors.toSet()));
        model.addAttribute("maxDays", properties.keyMaxLifetimeDays());
        model.addAttribute("scopes", ApiKeyScope.values());
        model.addAttribute("authorities", authorities.selectable());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "account/api-keys";
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DANISH);
    }
}
