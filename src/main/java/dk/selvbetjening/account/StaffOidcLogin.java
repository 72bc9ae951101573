package dk.selvbetjening.account;

import java.util.Optional;
import java.util.stream.StreamSupport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * The staff login with OpenID Connect (ADR 0026), on when Spring Boot has a client registration
 * ({@code spring.security.oauth2.client.registration.<id>.*}) and off otherwise. The authorization code flow with PKCE
 * (for a confidential client too), state and nonce, ID tokens checked against the issuer's published keys, and the
 * logout at the provider (RP-initiated logout) when its discovery document names an {@code end_session_endpoint}.
 */
@Component
public class StaffOidcLogin {

    /** The session attribute holding the CVR number of an organisation the portal does not know, for its page. */
    public static final String UNKNOWN_CVR_ATTRIBUTE = "dk.selvbetjening.account.StaffOidcLogin.cvr";

    /** The login page's button: where it goes and what it says. */
    public record Button(String url, String label) {
    }

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final StaffLogin logins;
    private final StaffLoginProperties properties;

    StaffOidcLogin(ObjectProvider<ClientRegistrationRepository> registrations, StaffLogin logins,
            StaffLoginProperties properties) {
        this.registrations = registrations;
        this.logins = logins;
        this.properties = properties;
    }

    /** The login page's button, or null when no provider is configured. */
    public Button button() {
        return registration().map(r -> new Button(
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/"
                        + r.getRegistrationId(), properties.label())).orElse(null);
    }

    private Optional<ClientRegistration> registration() {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (!(repository instanceof Iterable<?> all)) {
            return Optional.empty();
        }
        return StreamSupport.stream(all.spliterator(), false).filter(ClientRegistration.class::isInstance)
                .map(ClientRegistration.class::cast).findFirst();
    }

    /** The scheme, host and port of the provider's logout endpoint, when its discovery document names one. */
    private Optional<String> endSessionOrigin() {
        return registration().map(r -> r.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint"))
                .map(Object::toString).map(java.net.URI::create)
                .map(uri -> uri.getScheme() + "://" + uri.getRawAuthority());
    }

    /** Adds the OpenID Connect login to the backoffice's filter chain, when configured. */
    void configure(HttpSecurity http, String loginPage, String loggedOutPage, String contentSecurityPolicy)
            throws Exception {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository == null || registration().isEmpty()) {
            return;
        }
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                repository, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(repository);
        logout.setPostLogoutRedirectUri("{baseUrl}" + loggedOutPage);
        logout.setDefaultTargetUrl(loggedOutPage);
        // The backoffice chain's own authentication manager knows passwords only (LoginAttempts): the login filter
        // gets one with the OpenID Connect provider, which checks the ID token (signature by the issuer's keys,
        // issuer, audience, expiry, nonce) before the user service runs.
        AuthenticationManager oidcLogins = new ProviderManager(new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), new StaffOidcUserService(logins, properties)));
        http.oauth2Login(login -> login.loginPage(loginPage)
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                            @Override
                            public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationManager(oidcLogins);
                                return filter;
                            }
                        })
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                        .defaultSuccessUrl("/redaktion", true)
                        .failureHandler(new StaffLoginFailureHandler()))
                .logout(l -> l.logoutSuccessHandler(logout));
        // The logout form's redirect goes on to the provider's end_session_endpoint: the browser follows a form's
        // redirects only to the origins the policy's form-action names.
        endSessionOrigin().ifPresent(origin -> http.headers(headers -> headers.contentSecurityPolicy(csp -> csp
                .policyDirectives(contentSecurityPolicy.replace("form-action 'self'", "form-action 'self' " + origin)))));
    }
}
