package dk.selvbetjening.account;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A call made with a system's API key. An authority's key acts as an authority editor of the key's authority, named
 * {@code api-noegle:<lookup>} in the audit log; only the API's filter chain accepts it. A metrics key holds
 * {@link #METRICS} and nothing else; only the actuator's filter chain accepts it (ADR 0034). No session is kept.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    /** The one right of a metrics key: reading {@code /actuator/prometheus}. */
    static final String METRICS = "ROLE_METRICS";

    private final CurrentAccount caller;
    private final ApiKeyScope scope;

    ApiKeyAuthentication(CurrentAccount caller, ApiKeyScope scope) {
        super(List.of(new SimpleGrantedAuthority(scope == ApiKeyScope.METRICS ? METRICS : caller.role().authority())));
        this.caller = caller;
        this.scope = scope;
        setAuthenticated(true);
    }

    ApiKeyScope scope() {
        return scope;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public CurrentAccount getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.email();
    }
}
