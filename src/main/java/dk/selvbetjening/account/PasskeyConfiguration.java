package dk.selvbetjening.account;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The relying party of the backoffice's passkeys (ADR 0027): Spring Security's WebAuthn operations (webauthn4j) on
 * the JDBC repositories (tables of migration V67), with the rp id, name and origins of {@link PasskeyProperties}.
 * Passkeys are discoverable (resident) credentials and every use needs user verification (the device's PIN or
 * biometrics), so a passkey alone is a second factor in itself. The web chain applies them through {@link PasskeyLogin}.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    static final Duration CEREMONY_TIMEOUT = Duration.ofMinutes(5);

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository userEntities,
            PasskeyCredentials credentials, PasskeyProperties properties) {
        return relyingParty(userEntities, credentials, properties);
    }

    static Webauthn4JRelyingPartyOperations relyingParty(PublicKeyCredentialUserEntityRepository userEntities,
            UserCredentialRepository credentials, PasskeyProperties properties) {
        Webauthn4JRelyingPartyOperations relyingParty = new Webauthn4JRelyingPartyOperations(userEntities, credentials,
                PublicKeyCredentialRpEntity.builder().id(properties.rpId()).name(properties.rpName()).build(),
                properties.allowedOrigins());
        relyingParty.setCustomizeCreationOptions(options -> options
                .timeout(CEREMONY_TIMEOUT)
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build()));
        relyingParty.setCustomizeRequestOptions(options -> options
                .timeout(CEREMONY_TIMEOUT)
                .userVerification(UserVerificationRequirement.REQUIRED));
        return relyingParty;
    }
}
