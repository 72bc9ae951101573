package dk.selvbetjening.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** The logged-in session of the current request, kept going after its account's own password change. */
@Component
public class OwnSession {

    private final AccountService accounts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    OwnSession(AccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * After the logged-in account has changed its own password: this session goes on under a new session id with the
     * account's new security stamp, while the account's other sessions end at their next request.
     */
    public void keepAfterPasswordChange(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof AccountUserDetails before)) {
            return;
        }
        AccountUserDetails after = accounts.userDetails(before.getUsername()).orElseThrow();
        UsernamePasswordAuthenticationToken renewed = UsernamePasswordAuthenticationToken.authenticated(after, null,
                current.getAuthorities());
        renewed.setDetails(current.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(renewed);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        sessions.saveContext(context, request, response);
    }
}
