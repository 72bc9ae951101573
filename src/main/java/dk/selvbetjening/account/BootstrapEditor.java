package dk.selvbetjening.account;

import java.io.PrintStream;

import dk.selvbetjening.shared.SystemPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start with no accounts: one editor from the bootstrap settings, or one with a random password that is
 * printed once to the console (never through the logger, so it is in no log file or log collector) and must be changed
 * at first login. There is no default password. Where the settings are required (the {@code postgres} profile),
 * start-up fails without them instead. Created by the
 * application itself ({@link SystemPrincipal}).
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
        boolean configured = !blank(properties.bootstrapEditorEmail()) && !blank(properties.bootstrapEditorPassword());
        if (properties.bootstrapEditorRequired() && !configured) {
            throw new IllegalStateException("The database has no accounts: set SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL and "
                    + "SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD (at least " + PasswordRules.MIN_LENGTH
                    + " characters) to create the first editor. In this profile no one-time password is printed.");
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
        log.warn("Created the first editor {}; its password is printed once to the console, not to the log", email);
        PrintStream console = System.out;
        console.println("Selvbetjening: the first editor is " + email + ", one-time password: " + password
                + " (choose your own at first login; it is shown only now)");
        console.flush();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
