package dk.selvbetjening.account;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's second way in (ADR 0028): {@code Authorization: Bearer <key>} with a system's API key. A request with a
 * bearer header is decided here: a valid key authenticates it, anything else is refused with the API's 401 before
 * the application sees it (it never falls back to anonymous, so a revoked key cannot read what is public either).
 * HTTP Basic with a person's password is the other way in while {@link ApiProperties#basicAuthEnabled()} is on.
 */
@Component
@EnableConfigurationProperties(ApiProperties.class)
class ApiKeySecurity {

    private static final String BEARER = "bearer ";

    private final ApiKeyService keys;
    private final ApiProperties properties;

    ApiKeySecurity(ApiKeyService keys, ApiProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    boolean basicAuthEnabled() {
        return properties.basicAuthEnabled();
    }

    /** The filter, answering a refused key with {@code refused} (the API's 401 problem). */
    OncePerRequestFilter filter(AuthenticationEntryPoint refused) {
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String header = request.getHeader(HttpHeaders.AUTHORIZATION);
                if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
                    chain.doFilter(request, response);
                    return;
                }
                var caller = keys.authenticate(header.substring(BEARER.length()).strip());
                if (caller.isEmpty()) {
                    contexts.clearContext();
                    refused.commence(request, response, new BadCredentialsException("API key refused"));
                    return;
                }
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(new ApiKeyAuthentication(caller.get()));
                contexts.setContext(context);
                chain.doFilter(request, response);
            }
        };
    }
}
