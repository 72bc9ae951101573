package dk.selvbetjening.account;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Every login, form and HTTP Basic, passes here: the client address's allowance ({@link LoginThrottle}) is taken
 * before the password is checked, a wrong password is counted on the account (which locks after many), and a good
 * login gives the allowance back and starts the account's count again.
 */
@Component
class LoginAttempts {

    private final UserDetailsService users;
    private final PasswordEncoder passwords;
    private final AuthenticationEventPublisher events;
    private final LoginThrottle throttle;
    private final AccountService accounts;

    LoginAttempts(UserDetailsService users, PasswordEncoder passwords, AuthenticationEventPublisher events,
            LoginThrottle throttle, AccountService accounts) {
        this.users = users;
        this.passwords = passwords;
        this.events = events;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    /** The backoffice's form login. An account with a one-time password gets in, to choose its own. */
    AuthenticationManager backoffice() {
        return guarded(provider(false));
    }

    /**
     * HTTP Basic on the API. An account with a one-time password is refused with {@link CredentialsExpiredException}
     * until it has chosen its own in the backoffice.
     */
    AuthenticationManager api() {
        return guarded(provider(true));
    }

    private DaoAuthenticationProvider provider(boolean refuseOneTimePasswords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        if (refuseOneTimePasswords) {
            provider.setPostAuthenticationChecks(user -> {
                if (!user.isCredentialsNonExpired()
                        || (user instanceof AccountUserDetails account && account.mustChangePassword())) {
                    throw new CredentialsExpiredException("The account must choose its own password first");
                }
            });
        }
        return provider;
    }

    private AuthenticationManager guarded(DaoAuthenticationProvider provider) {
        ProviderManager checks = new ProviderManager(provider);
        checks.setAuthenticationEventPublisher(events);
        return attempt -> authenticate(checks, attempt);
    }

    private Authentication authenticate(AuthenticationManager checks, Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "";
        LoginThrottle.Decision decision = throttle.tryAcquire(address);
        if (!decision.allowed()) {
            if (decision.firstRefusal()) {
                accounts.loginThrottled(address);
            }
            throw new LoginThrottledException(decision.retryAfter().orElseThrow());
        }
        try {
            Authentication result = checks.authenticate(attempt);
            throttle.release(address);
            accounts.loginSucceeded(result.getName());
            return result;
        } catch (BadCredentialsException e) {
            accounts.loginFailed(attempt.getName(), address);
            throw e;
        }
    }
}
