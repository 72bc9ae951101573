package dk.selvbetjening.account.web;

import java.util.Locale;
import java.util.Optional;

import dk.selvbetjening.account.ApiKeyService;
import dk.selvbetjening.account.ApiKeySummary;
import dk.selvbetjening.shared.web.AuditNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Names API keys in the audit log: a change made with a key ({@code api-noegle:<lookup>}) and a key as subject. */
@Component
class ApiKeyAuditNames implements AuditNames {

    private final ApiKeyService keys;
    private final MessageSource messages;

    ApiKeyAuditNames(ApiKeyService keys, MessageSource messages) {
        this.keys = keys;
        this.messages = messages;
    }

    @Override
    public Optional<String> actor(String actor) {
        if (!actor.startsWith(ApiKeyService.ACTOR_PREFIX)) {
            return Optional.empty();
        }
        String lookupId = actor.substring(ApiKeyService.ACTOR_PREFIX.length());
        return keys.keys().stream().filter(k -> k.lookupId().equals(lookupId)).findFirst().map(this::name);
    }

    @Override
    public Optional<Named> subject(String type, String id) {
        if (!ApiKeyService.AUDIT_TYPE.equals(type)) {
            return Optional.empty();
        }
        return keys.keys().stream().filter(k -> k.id().toString().equals(id)).findFirst()
                .map(k -> new Named(name(k), ApiKeyWebController.BASE));
    }

    private String name(ApiKeySummary key) {
        return messages.getMessage("apikeys.audit.name", new Object[] {key.name(), key.authorityName()},
                Locale.forLanguageTag("da"));
    }
}
