package dk.selvbetjening.account;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person logged in with OpenID Connect: their account (whose role, never a claim, gives the authorities) and the
 * provider's ID token, kept for the logout at the provider ({@code id_token_hint}).
 */
record StaffOidcUser(AccountUserDetails details, OidcIdToken idToken, OidcUserInfo userInfo)
        implements OidcUser, java.io.Serializable {

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return details.getAuthorities();
    }

    @Override
    public String getName() {
        return details.account().email();
    }
}
