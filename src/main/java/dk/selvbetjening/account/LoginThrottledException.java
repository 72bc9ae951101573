package dk.selvbetjening.account;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login refused before its password was checked: its client address has used up its failures for now. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins from this address");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
