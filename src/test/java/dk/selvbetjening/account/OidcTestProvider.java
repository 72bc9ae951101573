package dk.selvbetjening.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the staff login tests: Spring Security's authorization server, started as an
 * application of its own on a loopback port, with one confidential client (which must use PKCE), a login form, people
 * with NemLog-in's professional claims (stable id, CVR number) and the OIDC logout endpoint. A test can change a
 * person's CVR number, and make the next ID token carry a wrong nonce or be expired already. Several can run at once
 * (each with its own registration id, people and keys), as a portal with several providers has them. Each one's
 * session cookie has its own name, as the portal and the providers run on the same host (127.0.0.1) and cookies do
 * not tell ports apart.
 */
public final class OidcTestProvider implements AutoCloseable {

    /** The registration id of a provider started by {@link #start()}. */
    public static final String REGISTRATION = "nemlogin";
    public static final String CLIENT_ID = "selvbetjening";
    public static final String CLIENT_SECRET = "provider-test-secret";
    public static final String PASSWORD = "udbyder-adgangskode";
    public static final String SUBJECT_CLAIM = "https://data.gov.dk/model/core/eid/professional/uuid/persistent";
    public static final String CVR_CLAIM = "https://data.gov.dk/model/core/eid/professional/cvr";

    /** What the next ID token is like. */
    public enum NextToken {
        VALID, WRONG_NONCE, EXPIRED
    }

    /** A person at the provider: the claims their ID token carries. */
    public record Person(String username, String uuid, String name, String email, String cvr) {
    }

    /** One provider's people, its next token's kind, where its portal runs and the registration id it serves. */
    static final class State {
        final String registration;
        final String subjectClaim;
        final Map<String, Person> people = new ConcurrentHashMap<>();
        volatile NextToken next = NextToken.VALID;
        volatile String portalBaseUrl = "http://127.0.0.1";

        State(String registration, String subjectClaim) {
            this.registration = registration;
            this.subjectClaim = subjectClaim;
        }
    }

    private final ConfigurableApplicationContext context;
    private final int port;
    private final State state;
    private final String clientName;

    private OidcTestProvider(ConfigurableApplicationContext context, int port, State state, String clientName) {
        this.context = context;
        this.port = port;
        this.state = state;
        this.clientName = clientName;
    }

    /** Starts the provider for registration {@value #REGISTRATION} without a client name. */
    public static OidcTestProvider start() {
        return start(REGISTRATION, null);
    }

    /**
     * Starts a provider on a free loopback port, for the portal's registration {@code registration} (its button
     * reading {@code clientName}, or the default label when null); its issuer is {@code http://127.0.0.1:<port>}.
     */
    public static OidcTestProvider start(String registration, String clientName) {
        return start(registration, clientName, SUBJECT_CLAIM);
    }

    /** As {@link #start(String, String)}, with the person's stable id in {@code subjectClaim} (e.g. Entra's oid). */
    public static OidcTestProvider start(String registration, String clientName, String subjectClaim) {
        int port = freePort();
        State state = new State(registration, subjectClaim);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                .initializers(starting -> starting.getBeanFactory().registerSingleton("providerState", state))
                .properties("spring.config.name=oidc-test-provider", "server.port=" + port,
                        "server.address=127.0.0.1",
                        "server.servlet.session.cookie.name=PROVIDERSESSION-" + registration,
                        // no Spring MVC here: Tomcat runs the filters only for a request some servlet is mapped to
                        "server.servlet.register-default-servlet=true",
                        "spring.main.banner-mode=off", "provider.issuer=http://127.0.0.1:" + port)
                .run();
        return new OidcTestProvider(context, ((ServletWebServerApplicationContext) context).getWebServer().getPort(),
                state, clientName);
    }

    /** The properties that point the portal at this provider, as a deployment would set them. */
    public Map<String, String> portalProperties() {
        String registration = "spring.security.oauth2.client.registration." + state.registration + ".";
        Map<String, String> properties = new java.util.HashMap<>(Map.of(registration + "client-id", CLIENT_ID,
                registration + "client-secret", CLIENT_SECRET, registration + "scope", "openid,profile,email",
                "spring.security.oauth2.client.provider." + state.registration + ".issuer-uri", issuer()));
        if (clientName != null) {
            properties.put(registration + "client-name", clientName);
        }
        return properties;
    }

    /** The portal's registration id for this provider. */
    public String registration() {
        return state.registration;
    }

    public String issuer() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the portal runs: the client's registered post-logout redirect URI is there. */
    public void portalAt(String baseUrl) {
        state.portalBaseUrl = baseUrl;
    }

    public Person addPerson(String username, String name, String cvr) {
        return addPerson(username, UUID.randomUUID().toString(), name, cvr);
    }

    /** A person whose stable id ({@code uuid}) is given, e.g. the same as another provider gives someone else. */
    public Person addPerson(String username, String uuid, String name, String cvr) {
        Person person = new Person(username, uuid, name, username + "@myndighed.example", cvr);
        state.people.put(username, person);
        return person;
    }

    /** The person's organisation now has another CVR number (or they moved to another organisation). */
    public void changeCvr(String username, String cvr) {
        state.people.computeIfPresent(username,
                (name, p) -> new Person(p.username(), p.uuid(), p.name(), p.email(), cvr));
    }

    public void nextToken(NextToken kind) {
        state.next = kind;
    }

    @Override
    public void close() {
        context.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider's own application: no component scan, only what is named here. */
    @EnableWebSecurity
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people(State state) {
            return username -> {
                Person person = state.people.get(username);
                if (person == null) {
                    throw new UsernameNotFoundException(username);
                }
                return User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
            };
        }

        /** The client, built on each look-up so its post-logout redirect URI follows the portal's port. */
        @Bean
        RegisteredClientRepository clients(State state) {
            return new RegisteredClientRepository() {
                private final String id = UUID.randomUUID().toString();

                /** The server saves the client when it re-encodes its secret: the client is rebuilt anyway. */
                @Override
                public void save(RegisteredClient client) {
                }

                @Override
                public RegisteredClient findById(String clientId) {
                    return id.equals(clientId) ? client() : null;
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return CLIENT_ID.equals(clientId) ? client() : null;
                }

                private RegisteredClient client() {
                    return RegisteredClient.withId(id).clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .redirectUri(state.portalBaseUrl + "/login/oauth2/code/" + state.registration)
                            .postLogoutRedirectUri(state.portalBaseUrl + "/redaktion/log-ind?logget-ud")
                            .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                            .clientSettings(ClientSettings.builder().requireProofKey(true)
                                    .requireAuthorizationConsent(false).build())
                            .build();
                }
            };
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> professionalClaims(State state) {
            return context -> {
                if (!"id_token".equals(context.getTokenType().getValue())) {
                    return;
                }
                Person person = state.people.get(context.getPrincipal().getName());
                context.getClaims().claim(state.subjectClaim, person.uuid()).claim("name", person.name())
                        .claim("email", person.email());
                if (person.cvr() != null) {
                    context.getClaims().claim(CVR_CLAIM, person.cvr());
                }
                NextToken kind = state.next;
                state.next = NextToken.VALID;
                if (kind == NextToken.WRONG_NONCE) {
                    context.getClaims().claim("nonce", "a-nonce-the-portal-never-sent");
                } else if (kind == NextToken.EXPIRED) {
                    Instant longAgo = Instant.now().minusSeconds(3600);
                    context.getClaims().issuedAt(longAgo).expiresAt(longAgo.plusSeconds(300));
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** The UserInfo endpoint reads the access tokens this provider signs. */
        @Bean
        org.springframework.security.oauth2.jwt.JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
            return org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration
                    .jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings(org.springframework.core.env.Environment environment) {
            return AuthorizationServerSettings.builder().issuer(environment.getProperty("provider.issuer")).build();
        }

        @Bean
        SessionRegistry sessionRegistry() {
            return new SessionRegistryImpl();
        }

        @Bean
        org.springframework.boot.web.servlet.ServletListenerRegistrationBean<HttpSessionEventPublisher> sessionEvents() {
            return new org.springframework.boot.web.servlet.ServletListenerRegistrationBean<>(
                    new HttpSessionEventPublisher());
        }
    }
}
