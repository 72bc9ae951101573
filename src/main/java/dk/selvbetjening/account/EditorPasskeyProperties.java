package dk.selvbetjening.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether editors must log in with something stronger than a password (ADR 0027).
 *
 * @param editorPasskeyRequired when true, an EDITOR who logged in with a password alone reaches nothing in the
 *        backoffice until a passkey is registered (see {@link EditorPasskeyFilter}); once the account has one, a
 *        password login is refused and the passkey must be used. A login that is not a password one (a passkey, the
 *        organisation's OpenID Connect login) satisfies it. Off on the embedded default, on in the postgres profile
 *        (environment SELVBETJENING_EDITOR_PASSKEY_REQUIRED)
 */
@ConfigurationProperties(prefix = "selvbetjening.account")
public record EditorPasskeyProperties(@DefaultValue("false") boolean editorPasskeyRequired) {
}
