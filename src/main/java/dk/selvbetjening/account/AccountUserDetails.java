package dk.selvbetjening.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in account as Spring Security holds it. {@code securityStamp} is the account's stamp at login: the
 * session ends once the account's stamp has moved on (see {@link AccountSessionFilter}).
 */
record AccountUserDetails(CurrentAccount account, String password, boolean enabled, boolean locked,
        boolean mustChangePassword, long securityStamp) implements UserDetails {

    /** The account of a logged-in principal: a password login's or an OpenID Connect login's; else null. */
    static AccountUserDetails of(Object principal) {
        if (principal instanceof AccountUserDetails details) {
            return details;
        }
        return principal instanceof StaffOidcUser staff ? staff.details() : null;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(account.role().authority()));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return account.email();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
