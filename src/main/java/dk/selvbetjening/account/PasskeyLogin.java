package dk.selvbetjening.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Passkeys in the backoffice's filter chain (ADR 0027): Spring Security's WebAuthn endpoints, which the page script
 * {@code /js/passkeys.js} calls with the page's CSRF token: {@code POST /webauthn/register/options} and
 * {@code POST /webauthn/register} (a logged-in account registers a passkey), {@code POST /webauthn/authenticate/options}
 * and {@code POST /login/webauthn} (log in with one). Changed from Spring's defaults: no English registration page
 * (the Danish one is {@code /redaktion/konto/adgangsnoegler}); no removal through {@code DELETE /webauthn/register/{id}}
 * (removal is the page's audited form); a login yields the account's own session ({@link PasskeyAuthenticationProvider})
 * under a new session id and CSRF token, like the form login; its answer leads to the page the person asked for, else
 * to {@code /redaktion}; a ceremony's options are kept in the session as {@link PasskeyOptionsInSession} keeps them, so
 * they survive a session stored in the database. Then {@link EditorPasskeyFilter} enforces
 * {@link EditorPasskeyProperties}.
 */
@Component
class PasskeyLogin {

    static final String PAGE = "/redaktion/konto/adgangsnoegler";

    private final PasskeyProperties properties;
    private final WebAuthnRelyingPartyOperations relyingParty;
    private final AccountService accounts;
    private final PasskeyService passkeys;

    PasskeyLogin(PasskeyProperties properties, WebAuthnRelyingPartyOperations relyingParty, AccountService accounts,
            PasskeyService passkeys) {
        this.properties = properties;
        this.relyingParty = relyingParty;
        this.accounts = accounts;
        this.passkeys = passkeys;
    }

    void configure(HttpSecurity http) throws Exception {
        http.webAuthn(webAuthn -> webAuthn
                .rpId(properties.rpId())
                .rpName(properties.rpName())
                .allowedOrigins(properties.allowedOrigins())
                .disableDefaultRegistrationPage(true)
                .creationOptionsRepository(new PasskeyOptionsInSession.CreationOptions())
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setRequestOptionsRepository(new PasskeyOptionsInSession.RequestOptions());
                        filter.setAuthenticationManager(
                                new ProviderManager(new PasskeyAuthenticationProvider(relyingParty, accounts)));
                        SessionAuthenticationStrategy sessions = http.getSharedObject(
                                SessionAuthenticationStrategy.class);
                        if (sessions != null) {
                            filter.setSessionAuthenticationStrategy(sessions);
                        }
                        filter.setAuthenticationSuccessHandler(loggedIn());
                        return filter;
                    }
                })
)
                .addFilterBefore(noRemovalBySpring(), AuthorizationFilter.class)
                .addFilterAfter(new EditorPasskeyFilter(passkeys), AccountSessionFilter.class);
    }

    /**
     * Spring's {@code DELETE /webauthn/register/{id}} (its registration page's removal, unaudited) answers 404: a passkey
     * is removed on the account's page. And registering one ({@code POST /webauthn/register/options},
     * {@code POST /webauthn/register}) is for a logged-in account: anyone else is sent to log in, as for any backoffice
     * page, where Spring's options filter would answer 400 (it sits before authorization and checks for itself).
     * (Spring's registration filters are not offered to object post-processors, so this filter stands in front of
     * them.)
     */
    private static OncePerRequestFilter noRemovalBySpring() {
        RequestMatcher removal = PathPatternRequestMatcher.pathPattern(HttpMethod.DELETE, "/webauthn/register/**");
        RequestMatcher registration = new OrRequestMatcher(
                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/webauthn/register"),
                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/webauthn/register/options"));
        AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (removal.matches(request)) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                if (registration.matches(request)
                        && !trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
                    // ExceptionTranslationFilter, before this one, sends an anonymous caller to the login page
                    throw new AccessDeniedException("Registering a passkey needs a logged-in account");
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** The script's answer after a passkey login: where to go next, as Spring's own script expects it. */
    private static AuthenticationSuccessHandler loggedIn() {
        HttpSessionRequestCache saved = new HttpSessionRequestCache();
        return (HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.core.Authentication authentication) -> {
            SavedRequest asked = saved.getRequest(request, response);
            saved.removeRequest(request, response);
            String target = asked != null ? asked.getRedirectUrl() : request.getContextPath() + "/redaktion";
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"authenticated\":true,\"redirectUrl\":\""
                    + target.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        };
    }

}
