package dk.selvbetjening.account.web;

import java.util.List;
import java.util.Locale;

import dk.selvbetjening.account.ApiKeyService;
import dk.selvbetjening.account.ApiKeySummary;
import dk.selvbetjening.shared.web.BackofficeTasks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The start page's count of API keys that expire soon (ADR 0034), for editors: they issue and renew keys. Authority
 * editors see nothing here; the key list is the editors'.
 */
@Component
class ApiKeyExpiryTasks implements BackofficeTasks {

    private final ApiKeyService keys;
    private final MessageSource messages;

    ApiKeyExpiryTasks(ApiKeyService keys, MessageSource messages) {
        this.keys = keys;
        this.messages = messages;
    }

    @Override
    public List<Task> tasks() {
        if (!BackofficeTasks.callerHas("ROLE_EDITOR")) {
            return List.of();
        }
        List<ApiKeySummary> expiring = keys.expiringSoon();
        if (expiring.isEmpty()) {
            return List.of();
        }
        return List.of(new Task(60, messages.getMessage("nodesecurity.home.task.keysExpiring",
                new Object[] {expiring.size()}, Locale.forLanguageTag("da")), ApiKeyWebController.BASE,
                expiring.size()));
    }
}
