package dk.selvbetjening.account;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * A passkey login: the relying party verifies the assertion (challenge, origin, rp id, signature, user verification,
 * signature counter), then the account behind the passkey is loaded like a password login's, and refused when it is
 * disabled or locked. The result carries the account ({@link AccountUserDetails}, as every backoffice session does,
 * so {@link CurrentAccount} and {@link AccountSessionFilter} work alike) with its role and the authority
 * {@code FACTOR_WEBAUTHN}, which tells a passkey login from a password one ({@code FACTOR_PASSWORD}).
 */
class PasskeyAuthenticationProvider implements AuthenticationProvider {

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final AccountService accounts;
    private final AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();

    PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations relyingParty, AccountService accounts) {
        this.relyingParty = relyingParty;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) authentication;
        PublicKeyCredentialUserEntity user;
        try {
            user = relyingParty.authenticate(request.getWebAuthnRequest());
        } catch (RuntimeException e) {
            throw new BadCredentialsException("The passkey was not accepted", e);
        }
        AccountUserDetails account = accounts.userDetails(user.getName())
                .orElseThrow(() -> new BadCredentialsException("The passkey's account no longer exists"));
        status.check(account);
        List<GrantedAuthority> authorities = new ArrayList<>(account.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(account, null,
                authorities);
        result.setDetails(request.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }
}
