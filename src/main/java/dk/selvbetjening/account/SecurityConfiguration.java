package dk.selvbetjening.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may do what. The citizen pages, the read API and the public connection form are open; the backoffice
 * ({@code /redaktion}) needs a form login; the JSON API's writes need HTTP Basic (over TLS in production). Forms
 * carry CSRF tokens; the API keeps no session, so a browser's cookies never authenticate an API call.
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
    SecurityFilterChain api(HttpSecurity http, MessageSource messages) throws Exception {
        java.util.Locale danish = java.util.Locale.forLanguageTag("da");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/docs", "/api/docs/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/connection-requests").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/action-pages/check", "/api/v1/action-pages/import")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/connection-requests/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, HttpServletResponse.SC_UNAUTHORIZED,
                                messages.getMessage("api.error.unauthorized.title", null, danish),
                                messages.getMessage("api.error.unauthorized.detail", null, danish))))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        problem(response, HttpServletResponse.SC_FORBIDDEN,
                                messages.getMessage("api.error.forbidden.title", null, danish),
                                messages.getMessage("api.error.forbidden.detail", null, danish))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
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
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    static boolean isCitizenPath(String path) {
        return path.equals("/") || path.startsWith("/handlingsside/") || path.startsWith("/emner/")
                || path.startsWith("/dkfds/") || path.startsWith("/css/");
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, AccountService accounts) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN_PAGE).permitAll()
                        .requestMatchers("/redaktion/konti", "/redaktion/konti/**", "/redaktion/log",
                                "/redaktion/udbakke", "/redaktion/udbakke/**", "/redaktion/linktjek",
                                "/redaktion/linktjek/**", "/redaktion/myndigheder", "/redaktion/myndigheder/**")
                        .hasRole(Role.EDITOR.name())
                        .requestMatchers("/redaktion", "/redaktion/**")
                        .hasAnyRole(Role.EDITOR.name(), Role.AUTHORITY_EDITOR.name())
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).loginProcessingUrl(LOGIN_PAGE)
                        .usernameParameter("email").passwordParameter("password")
                        .defaultSuccessUrl("/redaktion", false)
                        .failureUrl(LOGIN_PAGE + "?fejl"))
                .logout(logout -> logout.logoutUrl("/redaktion/log-ud").logoutSuccessUrl(LOGIN_PAGE + "?logget-ud"))
                // The public connection form and the status link's amend form act for nobody logged in (the
                // status link's token is the credential): a CSRF token would only lose a supplier's long form
                // when the session expires. The one-time submission id, honeypot and rate limit still apply.
                // Reading a Word template into the form (/tilslut/indlaes-skabelon) stores nothing at all.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/tilslut", "/tilslut/status/**",
                        "/tilslut/indlaes-skabelon"))
                .addFilterAfter(new PasswordChangeFilter(accounts), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
