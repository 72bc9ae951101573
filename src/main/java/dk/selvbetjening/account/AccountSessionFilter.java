package dk.selvbetjening.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each backoffice request of a logged-in session reads its account once (enabled, one-time password, security
 * stamp). A session whose account has been disabled, or whose password has been changed or reset since it logged in,
 * is logged out and sent to the login page with a notice. An account with a one-time password reaches nothing in the
 * backoffice but the page where it chooses its own. The comparison is with the database, so it holds for sessions
 * kept on several nodes.
 */
class AccountSessionFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/redaktion/skift-adgangskode";
    static final String SESSION_ENDED = "session-afsluttet";

    private final AccountService accounts;

    AccountSessionFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Only the backoffice acts on an account's session: other pages need no database read. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/redaktion");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        AccountUserDetails session = authentication == null ? null : AccountUserDetails.of(authentication.getPrincipal());
        if (session == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SessionState> state = accounts.sessionState(session.account().id());
        if (state.isEmpty() || !state.get().allows(session.securityStamp())) {
            accounts.sessionEnded(session.account());
            new SecurityContextLogoutHandler().logout(request, response, authentication);
            response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE + "?" + SESSION_ENDED);
            return;
        }
        if (state.get().mustChangePassword() && needsOwnPassword(request)) {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean needsOwnPassword(HttpServletRequest request) {
        String path = path(request);
        return !path.equals(CHANGE_PAGE) && !path.equals("/redaktion/log-ud") && !path.equals(SecurityConfiguration.LOGIN_PAGE);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
