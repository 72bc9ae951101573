package dk.selvbetjening.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may do what. The citizen pages, the read API and the public connection form are open; the backoffice
 * ({@code /redaktion}) needs a form login; the JSON API's writes need HTTP Basic (over TLS in production). Forms
 * carry CSRF tokens; the API keeps no session, so a browser's cookies never authenticate an API call. Both logins
 * go through {@link LoginAttempts} (throttled per client address, counted per account); backoffice sessions are
 * checked against their account on each request ({@link AccountSessionFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/redaktion/log-ind";
    static final String CSP = dk.selvbetjening.shared.web.SecurityHeaders.CONTENT_SECURITY_POLICY;

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, MessageSource messages, LoginAttempts logins, LoginThrottle throttle,
            ApiKeySecurity apiKeys) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, PublicApi.GET).permitAll()
                        .requestMatchers(HttpMethod.POST, PublicApi.POST).permitAll()
                        // Editors' own API writes are refused to anyone else before the request is read.
                        .requestMatchers(HttpMethod.POST, PublicApi.EDITORS_ONLY_POST).hasRole(Role.EDITOR.name())
                        .requestMatchers(HttpMethod.PUT, PublicApi.EDITORS_ONLY_PUT).hasRole(Role.EDITOR.name())
                        // Fail closed: an endpoint not listed in PublicApi needs an account.
                        .anyRequest().authenticated())
                // A system's API key (ADR 0028); HTTP Basic with a person's password only while the setting allows
                .addFilterBefore(apiKeys.filter(ApiKeyScope.AUTHORITY, apiLoginRefused(messages)),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationDetailsSource(throttle.details())
                        .authenticationEntryPoint(apiLoginRefused(messages)))
                .authenticationManager(logins.api())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(apiLoginRefused(messages))
                        .accessDeniedHandler(apiForbidden(messages)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        if (!apiKeys.basicAuthEnabled()) {
            http.httpBasic(basic -> basic.disable());
        }
        return http.build();
    }

    /**
     * The actuator: the health probes (and info) are open for the load balancer and the orchestrator. The Prometheus
     * metrics at {@code /actuator/prometheus} take a metrics API key ({@code Authorization: Bearer}, a scraper's
     * {@code authorization} with {@code credentials_file}; ADR 0034), which may read them and nothing else, or an
     * EDITOR account over HTTP Basic while the API allows Basic (the embedded default). Everything else there needs
     * an EDITOR. Over TLS in production, throttled like the API's logins, with no session.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, MessageSource messages, LoginAttempts logins,
            LoginThrottle throttle, ApiKeySecurity apiKeys) throws Exception {
        http.securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .hasAnyAuthority(ApiKeyAuthentication.METRICS, Role.EDITOR.authority())
                        .anyRequest().hasRole(Role.EDITOR.name()))
                .addFilterBefore(apiKeys.filter(ApiKeyScope.METRICS, apiLoginRefused(messages)),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationDetailsSource(throttle.details())
                        .authenticationEntryPoint(apiLoginRefused(messages)))
                .authenticationManager(logins.api())
                .exceptionHandling(errors -> errors.accessDeniedHandler(apiForbidden(messages)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        if (!apiKeys.basicAuthEnabled()) {
            http.httpBasic(basic -> basic.disable())
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(apiLoginRefused(messages)));
        }
        return http.build();
    }

    private static org.springframework.security.web.access.AccessDeniedHandler apiForbidden(MessageSource messages) {
        java.util.Locale danish = java.util.Locale.forLanguageTag("da");
        return (request, response, e) -> problem(response, HttpServletResponse.SC_FORBIDDEN,
                messages.getMessage("api.error.forbidden.title", null, danish),
                messages.getMessage("api.error.forbidden.detail", null, danish));
    }

    /**
     * The citizen read path: open, stateless and lean (no session, no CSRF, no saved requests), so a page
     * served from memory is not slowed by machinery it doesn't use. Security headers still apply.
     */
    @Bean
    @Order(2)
    SecurityFilterChain citizen(HttpSecurity http) throws Exception {
        http.securityMatcher(request -> "GET".equals(request.getMethod()) && isCitizenPath(request.getRequestURI()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .httpStrictTransportSecurity(SecurityConfiguration::hsts)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    static boolean isCitizenPath(String path) {
        return path.equals("/") || path.startsWith("/handlingsside/") || path.startsWith("/emner/")
                || path.startsWith("/dkfds/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.equals("/sitemap.xml") || path.equals("/robots.txt") || path.equals("/aabne-data")
                || path.equals("/soeg") || path.equals("/soeg/aabn");
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, AccountService accounts, LoginAttempts logins, LoginThrottle throttle,
            org.springframework.beans.factory.ObjectProvider<PasskeyLogin> passkeys,
            org.springframework.beans.factory.ObjectProvider<StaffOidcLogin> oidc)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // the login page and the OpenID Connect login's outcome pages (StaffLoginWebController)
                        .requestMatchers(LOGIN_PAGE, LOGIN_PAGE + "/**").permitAll()
                        .requestMatchers("/redaktion/adgang", "/redaktion/adgang/**").hasRole(Role.EDITOR.name())
                        .requestMatchers("/redaktion/konti", "/redaktion/konti/**", "/redaktion/log",
                                "/redaktion/udbakke", "/redaktion/udbakke/**", "/redaktion/linktjek",
                                "/redaktion/linktjek/**", "/redaktion/myndigheder", "/redaktion/myndigheder/**",
                                "/redaktion/synonymer", "/redaktion/synonymer/**", "/redaktion/soegninger",
                                "/redaktion/soegninger/**", "/redaktion/api-noegler", "/redaktion/api-noegler/**")
                        .hasRole(Role.EDITOR.name())
                        .requestMatchers("/redaktion", "/redaktion/**")
                        .hasAnyRole(Role.EDITOR.name(), Role.AUTHORITY_EDITOR.name())
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).loginProcessingUrl(LOGIN_PAGE)
                        .usernameParameter("email").passwordParameter("password")
                        .defaultSuccessUrl("/redaktion", false)
                        .authenticationDetailsSource(throttle.details())
                        .failureHandler(backofficeLoginRefused()))
                .authenticationManager(logins.backoffice())
                .logout(logout -> logout.logoutUrl("/redaktion/log-ud").logoutSuccessUrl(LOGIN_PAGE + "?logget-ud"))
                // The public connection form and the status link's amend form act for nobody logged in (the
                // status link's token is the credential): a CSRF token would only lose a supplier's long form
                // when the session expires. The one-time submission id, honeypot and rate limit still apply.
                // Reading a Word template into the form (/tilslut/indlaes-skabelon), checking the answers before
                // sending (/tilslut/tjek-svar) and going back to change one (/tilslut/ret) store nothing at all.
                // ArticleExport (articleexport module, ADR 0023) is SOAP: every call is a POST from a municipal
                // website's server, with no session and no cookies to forge a request with, and it only reads
                // published content. This one exact path carries no CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/tilslut", "/tilslut/status/**",
                        "/tilslut/indlaes-skabelon", "/tilslut/tjek-svar", "/tilslut/ret",
                        "/_vti_bin/borger/ArticleExport.svc"))
                .addFilterAfter(new AccountSessionFilter(accounts), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers
                        .httpStrictTransportSecurity(SecurityConfiguration::hsts)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        // Passkeys (ADR 0027): log in with one, register them, and the editors' rule; absent in web slices.
        PasskeyLogin passkeyLogin = passkeys.getIfAvailable();
        if (passkeyLogin != null) {
            passkeyLogin.configure(http);
        }
        // The OpenID Connect staff login, when configured (ADR 0026); absent in web slices.
        StaffOidcLogin oidcLogin = oidc.getIfAvailable();
        if (oidcLogin != null) {
            oidcLogin.configure(http, LOGIN_PAGE, LOGIN_PAGE + "?logget-ud", CSP);
        }
        return http.build();
    }

    /**
     * HTTP Basic refused: 429 with Retry-After while the client's address is held back (the password was not
     * checked), 401 saying where to choose one's own password for an account with a one-time password, else 401.
     */
    private static AuthenticationEntryPoint apiLoginRefused(MessageSource messages) {
        java.util.Locale danish = java.util.Locale.forLanguageTag("da");
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, dk.selvbetjening.shared.web.RateLimitedException.retryAfterSeconds(throttled.retryAfter()));
                problem(response, HttpStatus.TOO_MANY_REQUESTS.value(),
                        messages.getMessage("api.error.throttled.title", null, danish),
                        messages.getMessage("api.error.throttled.detail",
                                new Object[] {LoginThrottle.minutes(throttled.retryAfter())}, danish));
            } else if (e instanceof CredentialsExpiredException) {
                problem(response, HttpServletResponse.SC_UNAUTHORIZED,
                        messages.getMessage("api.error.oneTimePassword.title", null, danish),
                        messages.getMessage("api.error.oneTimePassword.detail", new Object[] {LOGIN_PAGE}, danish));
            } else {
                problem(response, HttpServletResponse.SC_UNAUTHORIZED,
                        messages.getMessage("api.error.unauthorized.title", null, danish),
                        messages.getMessage("api.error.unauthorized.detail", null, danish));
            }
        };
    }

    /** A refused form login goes back to the login page, which says why (and, when held back, how long to wait). */
    private static AuthenticationFailureHandler backofficeLoginRefused() {
        return (request, response, e) -> {
            String reason = "?fejl";
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, dk.selvbetjening.shared.web.RateLimitedException.retryAfterSeconds(throttled.retryAfter()));
                reason = "?for-mange-forsoeg";
            }
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + reason);
        };
    }

    /** HSTS on requests that came over https only (Spring Security's default matcher), as SecurityHeaders says. */
    private static void hsts(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
            .HstsConfig hsts) {
        hsts.maxAgeInSeconds(dk.selvbetjening.shared.web.SecurityHeaders.HSTS_MAX_AGE_SECONDS).includeSubDomains(true);
    }

    static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        PROBLEM_WRITER.writeValue(response.getWriter(), problem);
    }

    /** Writes the problem documents the security filters answer with (before Spring MVC's own could). */
    private static final JsonMapper PROBLEM_WRITER = JsonMapper.builder().build();
}
