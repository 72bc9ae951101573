package dk.selvbetjening.account;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dk.selvbetjening.shared.DanishTime;
import dk.selvbetjening.shared.web.ClientAddress;
import dk.selvbetjening.shared.web.RateLimitedException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's second way in (ADR 0028): {@code Authorization: Bearer <key>} with a system's API key. A request with a
 * bearer header is decided here: a valid key of the chain's {@link ApiKeyScope} authenticates it, anything else is
 * refused with the API's 401 before the application sees it (it never falls back to anonymous, so a revoked key cannot
 * read what is public either). An expired key gets a 401 problem saying when it expired and what to do (ADR 0034). The
 * API's chain takes authorities' keys, the actuator's chain metrics keys. Refused keys are counted per client address
 * ({@link ApiKeyThrottle}): once an address has used them up, every key from it is answered 429 with
 * {@code Retry-After} before it is checked, until the window ends. HTTP Basic with a person's password is the other
 * way in while {@link ApiProperties#basicAuthEnabled()} is on.
 */
@Component
@EnableConfigurationProperties(ApiProperties.class)
class ApiKeySecurity {

    private static final String BEARER = "bearer ";

    private final ApiKeyService keys;
    private final ApiProperties properties;
    private final MessageSource messages;
    private final ApiKeyThrottle throttle;

    ApiKeySecurity(ApiKeyService keys, ApiProperties properties, MessageSource messages, ApiKeyThrottle throttle) {
        this.keys = keys;
        this.throttle = throttle;
        this.properties = properties;
        this.messages = messages;
    }

    boolean basicAuthEnabled() {
        return properties.basicAuthEnabled();
    }

    /** The filter, taking keys of {@code scope} and answering any other key with {@code refused} (a 401 problem). */
    OncePerRequestFilter filter(ApiKeyScope scope, AuthenticationEntryPoint refused) {
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
                String address = ClientAddress.of(request);
                Optional<Duration> wait = throttle.heldBack(address);
                if (wait.isPresent()) {
                    contexts.clearContext();
                    response.setHeader(HttpHeaders.RETRY_AFTER, RateLimitedException.retryAfterSeconds(wait.get()));
                    SecurityConfiguration.problem(response, HttpStatus.TOO_MANY_REQUESTS.value(),
                            text("nodesecurity.api.error.keysThrottled.title"),
                            text("nodesecurity.api.error.keysThrottled.detail", LoginThrottle.minutes(wait.get())));
                    return;
                }
                ApiKeyService.Presented presented = keys.authenticate(header.substring(BEARER.length()).strip());
                if (presented instanceof ApiKeyService.Expired expired) {
                    contexts.clearContext();
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                            "Bearer error=\"invalid_token\", error_description=\"The API key has expired\"");
                    SecurityConfiguration.problem(response, HttpServletResponse.SC_UNAUTHORIZED,
                            text("nodesecurity.api.error.keyExpired.title"),
                            text("nodesecurity.api.error.keyExpired.detail", DanishTime.date(expired.expiredAt())));
                    return;
                }
                if (!(presented instanceof ApiKeyService.Accepted accepted) || accepted.scope() != scope) {
                    contexts.clearContext();
                    if (presented instanceof ApiKeyService.Refused) {
                        throttle.refused(address);
                    }
                    refused.commence(request, response, new BadCredentialsException("API key refused"));
                    return;
                }
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(new ApiKeyAuthentication(accepted.caller(), accepted.scope()));
                contexts.setContext(context);
                chain.doFilter(request, response);
            }
        };
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.forLanguageTag("da"));
    }
}
