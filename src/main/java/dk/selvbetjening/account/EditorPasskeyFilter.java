package dk.selvbetjening.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Passkeys mandatory for editors ({@link EditorPasskeyProperties}), after {@link AccountSessionFilter}. An EDITOR's
 * backoffice session that logged in with a password alone ({@code FACTOR_PASSWORD} and no other factor):
 * <ul>
 * <li>with no passkey on the account, reaches nothing but the passkey page (and choosing its own password, logging
 * out) until it has registered one; from then on this session goes on;</li>
 * <li>with a passkey on the account, is logged out and sent to the login page, which asks for the passkey: a stolen
 * password alone no longer opens an editor's account. A lost passkey is recovered by another editor
 * ({@link PasskeyService#reset}).</li>
 * </ul>
 * A passkey login, and any login that is not a password one (OpenID Connect), passes. Authority editors are not
 * concerned.
 */
class EditorPasskeyFilter extends OncePerRequestFilter {

    static final String REQUIRED = "adgangsnoegle-kraevet";
    /** Session attribute: this password session had no passkey to use and is registering one. */
    static final String ENROLLING = EditorPasskeyFilter.class.getName() + ".ENROLLING";

    private final PasskeyService passkeys;

    EditorPasskeyFilter(PasskeyService passkeys) {
        this.passkeys = passkeys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !passkeys.requiredForEditors() || !path(request).startsWith("/redaktion");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountUserDetails session)
                || !session.account().isEditor() || !passwordOnly(authentication)) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession httpSession = request.getSession();
        boolean enrolling = Boolean.TRUE.equals(httpSession.getAttribute(ENROLLING));
        boolean hasPasskey = passkeys.countFor(session.account().email()) > 0;
        if (hasPasskey && enrolling) {
            chain.doFilter(request, response);
            return;
        }
        if (hasPasskey) {
            new SecurityContextLogoutHandler().logout(request, response, authentication);
            response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE + "?" + REQUIRED);
            return;
        }
        httpSession.setAttribute(ENROLLING, true);
        if (mayEnrol(path(request))) {
            chain.doFilter(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + PasskeyLogin.PAGE);
        }
    }

    /** A login by password, and by nothing stronger. */
    static boolean passwordOnly(Authentication authentication) {
        boolean password = false;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority instanceof FactorGrantedAuthority || authority.getAuthority().startsWith("FACTOR_")) {
                if (!FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(authority.getAuthority())) {
                    return false;
                }
                password = true;
            }
        }
        return password;
    }

    private static boolean mayEnrol(String path) {
        return path.equals(PasskeyLogin.PAGE) || path.startsWith(PasskeyLogin.PAGE + "/")
                || path.equals(AccountSessionFilter.CHANGE_PAGE) || path.equals("/redaktion/log-ud")
                || path.equals(SecurityConfiguration.LOGIN_PAGE);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
