package dk.selvbetjening.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** An account with a one-time password reaches nothing in the backoffice until it has chosen its own. */
class PasswordChangeFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/redaktion/skift-adgangskode";

    private final AccountService accounts;

    PasswordChangeFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/redaktion") || path.equals(CHANGE_PAGE) || path.equals("/redaktion/log-ud")
                || path.equals(SecurityConfiguration.LOGIN_PAGE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var current = CurrentAccount.current();
        if (current.isPresent() && accounts.mustChangePassword(current.get().id())) {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
