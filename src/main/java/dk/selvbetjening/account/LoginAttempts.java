package dk.selvbetjening.account;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins per account and locks it after too many; a good login resets the count. */
@Component
class LoginAttempts {

    private final AccountService accounts;

    LoginAttempts(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        accounts.loginFailed(event.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        accounts.loginSucceeded(event.getAuthentication().getName());
    }
}
