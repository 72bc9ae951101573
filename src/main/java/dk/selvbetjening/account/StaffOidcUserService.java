package dk.selvbetjening.account;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a checked OpenID Connect login (Spring Security has validated the ID token's signature against the issuer's
 * keys, its issuer, audience, expiry and nonce) into the person's account, by {@link StaffLogin}. A person not let in
 * ends the login with an error whose code names the page that tells them why ({@link StaffLoginFailureHandler}).
 */
class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String ERROR_PREFIX = "selvbetjening_";

    private final OidcUserService provider = new OidcUserService();
    private final StaffLogin logins;
    private final StaffLoginProperties properties;

    StaffOidcUserService(StaffLogin logins, StaffLoginProperties properties) {
        this.logins = logins;
        this.properties = properties;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Map<String, Object> claims = new HashMap<>(user.getClaims());
        if (user.getUserInfo() != null) {
            user.getUserInfo().getClaims().forEach(claims::putIfAbsent);
        }
        // The person is known by issuer and subject: the issuer is the registration's own (set for every one, see
        // StaffOidcLogin.check), which Spring Security has compared with the token's, so one provider's token can
        // never name another provider's issuer and reach that provider's people.
        String issuer = request.getClientRegistration().getProviderDetails().getIssuerUri();
        if (issuer == null || !issuer.equals(user.getIdToken().getIssuer().toString())) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_issuer"));
        }
        StaffLogin.Outcome outcome = logins.login(issuer, StaffClaims.from(claims,
                properties.forRegistration(request.getClientRegistration().getRegistrationId())));
        if (outcome.account() == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error(ERROR_PREFIX + outcome.refusal().name(),
                    outcome.cvrNumber(), null));
        }
        return new StaffOidcUser(outcome.account(), user.getIdToken(), user.getUserInfo());
    }
}
