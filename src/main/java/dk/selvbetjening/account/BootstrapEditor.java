package dk.selvbetjening.account;

import dk.selvbetjening.shared.SystemPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start with no accounts: one editor from the bootstrap settings, or with a random password printed
 * once to the log and changed at first login. There is no default password. Created by the application itself
 * ({@link SystemPrincipal}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BootstrapEditor implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapEditor.class);
    static final String DEFAULT_EMAIL = "redaktion@selvbetjening.local";

    private final AccountService accounts;
    private final AccountProperties properties;

    BootstrapEditor(AccountService accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemPrincipal.run(this::createFirstEditor);
    }

    private void createFirstEditor() {
        if (accounts.count() > 0) {
            return;
        }
        String email = blank(properties.bootstrapEditorEmail()) ? DEFAULT_EMAIL : properties.bootstrapEditorEmail();
        if (!blank(properties.bootstrapEditorPassword())) {
            String problem = PasswordRules.problem(properties.bootstrapEditorPassword(), email);
            if (problem != null) {
                throw new IllegalStateException("SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD is not acceptable: "
                        + problem + " (at least " + PasswordRules.MIN_LENGTH + " characters)");
            }
            accounts.bootstrapEditor(email, properties.bootstrapEditorPassword(), false);
            log.info("Created the first editor {} from the bootstrap settings", email);
            return;
        }
        String password = PasswordRules.temporary();
        accounts.bootstrapEditor(email, password, true);
        log.warn("Created the first editor {} with the one-time password {} — it must be changed at first login",
                email, password);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
