package dk.selvbetjening.account;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A call of the API made with a system's API key: it acts as an authority editor of the key's authority, named
 * {@code api-noegle:<lookup>} in the audit log. Only the API's filter chain accepts it; no session is kept.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final CurrentAccount caller;

    ApiKeyAuthentication(CurrentAccount caller) {
        super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
        this.caller = caller;
        setAuthenticated(true);
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
