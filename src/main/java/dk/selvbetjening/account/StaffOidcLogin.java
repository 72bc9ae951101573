package dk.selvbetjening.account;

import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
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
import org.springframework.web.util.UriUtils;

/**
 * The staff login with OpenID Connect (ADR 0026), on when Spring Boot has one or more client registrations
 * ({@code spring.security.oauth2.client.registration.<id>.*}, each with its {@code issuer-uri}) and off otherwise; the
 * login page shows one button per registration. The authorization code flow with PKCE
 * (for a confidential client too), state and nonce, ID tokens checked against the issuer's published keys, and the
 * logout at the provider (RP-initiated logout) when its discovery document names an {@code end_session_endpoint}.
 */
@Component
public class StaffOidcLogin {

    /** The session attribute holding the CVR number of an organisation the portal does not know, for its page. */
    public static final String UNKNOWN_CVR_ATTRIBUTE = "dk.selvbetjening.account.StaffOidcLogin.cvr";

    /** A login page button: where it goes and what it says. */
    public record Button(String url, String label) {
    }

    /** Orders the buttons by their label as a Danish reader sorts (æ, ø, å last), then by registration id. */
    private static final Comparator<Map.Entry<ClientRegistration, String>> BUTTON_ORDER = Comparator
            .comparing((Map.Entry<ClientRegistration, String> button) -> button.getValue(),
                    Collator.getInstance(Locale.forLanguageTag("da")))
            .thenComparing(button -> button.getKey().getRegistrationId());

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final StaffLogin logins;
    private final StaffLoginProperties properties;

    StaffOidcLogin(ObjectProvider<ClientRegistrationRepository> registrations, StaffLogin logins,
            StaffLoginProperties properties) {
        this.registrations = registrations;
        this.logins = logins;
        this.properties = properties;
    }

    /**
     * The login page's buttons, one per configured provider, ordered by label (Danish collation, then registration
     * id); empty when no provider is configured.
     */
    public List<Button> buttons() {
        return registrations().stream().map(r -> Map.entry(r, label(r))).sorted(BUTTON_ORDER)
                .map(button -> new Button(OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI
                        + "/" + UriUtils.encodePathSegment(button.getKey().getRegistrationId(), StandardCharsets.UTF_8),
                        button.getValue()))
                .toList();
    }

    /**
     * A registration's button text: its {@code client-name}, or {@code selvbetjening.oidc.label} when it has none
     * (Spring then sets the client name to the issuer, when read from its discovery document, or else to the
     * registration id).
     */
    String label(ClientRegistration registration) {
        String name = registration.getClientName();
        boolean none = name == null || name.isBlank() || name.equals(registration.getRegistrationId())
                || name.equals(registration.getProviderDetails().getIssuerUri());
        return none ? properties.label() : name.strip();
    }

    private List<ClientRegistration> registrations() {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (!(repository instanceof Iterable<?> all)) {
            return List.of();
        }
        return StreamSupport.stream(all.spliterator(), false).filter(ClientRegistration.class::isInstance)
                .map(ClientRegistration.class::cast).toList();
    }

    /**
     * Refuses a configuration that would let one provider speak for another's people or show two buttons alike: a
     * person is known by issuer and subject, so every registration needs its {@code issuer-uri} (only then does Spring
     * Security check an ID token's {@code iss} against it), and every button its own label.
     */
    static void check(List<ClientRegistration> registrations, Function<ClientRegistration, String> labels) {
        Map<String, String> labelled = new HashMap<>();
        for (ClientRegistration registration : registrations) {
            String issuer = registration.getProviderDetails().getIssuerUri();
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalStateException("spring.security.oauth2.client.provider." + registration
                        .getRegistrationId() + ".issuer-uri must be set: the staff login knows a person by the"
                        + " provider's issuer and subject, and checks each ID token's issuer against it (ADR 0026)");
            }
            String other = labelled.putIfAbsent(labels.apply(registration), registration.getRegistrationId());
            if (other != null) {
                throw new IllegalStateException("The staff login registrations " + other + " and "
                        + registration.getRegistrationId() + " would show the same button text: give each its own"
                        + " spring.security.oauth2.client.registration.<id>.client-name (ADR 0026)");
            }
        }
    }

    /** The scheme, host and port of each provider's logout endpoint its discovery document names, in order. */
    private List<String> endSessionOrigins() {
        return registrations().stream()
                .map(r -> r.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint"))
                .filter(java.util.Objects::nonNull).map(Object::toString).map(java.net.URI::create)
                .map(uri -> uri.getScheme() + "://" + uri.getRawAuthority()).distinct().sorted().toList();
    }

    /** Adds the OpenID Connect login to the backoffice's filter chain, when configured. */
    void configure(HttpSecurity http, String loginPage, String loggedOutPage, String contentSecurityPolicy)
            throws Exception {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository == null || registrations().isEmpty()) {
            return;
        }
        check(registrations(), this::label);
        List<String> ids = registrations().stream().map(ClientRegistration::getRegistrationId).toList();
        properties.providers().keySet().stream().filter(id -> !ids.contains(id)).findFirst().ifPresent(id -> {
            throw new IllegalStateException("selvbetjening.oidc.providers." + id + " names no registration"
                    + " (spring.security.oauth2.client.registration." + id + ")");
        });
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
        // Each provider's origin is named, as the form cannot know whose session the person has.
        List<String> origins = endSessionOrigins();
        if (!origins.isEmpty()) {
            http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy
                    .replace("form-action 'self'", "form-action 'self' " + String.join(" ", origins)))));
        }
    }
}
