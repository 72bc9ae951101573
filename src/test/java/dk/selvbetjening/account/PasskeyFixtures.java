package dk.selvbetjening.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * Stored passkeys for tests that need an account to have one without a browser ceremony: the rows the registration
 * would write (through the application's own repositories), with random key bytes. A passkey made here cannot log in;
 * the ceremonies are in {@code account.web.PasskeyJourneyBrowserTests}.
 */
@Component
public class PasskeyFixtures {

    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final PasskeyCredentials credentials;

    PasskeyFixtures(PublicKeyCredentialUserEntityRepository userEntities, PasskeyCredentials credentials) {
        this.userEntities = userEntities;
        this.credentials = credentials;
    }

    /** The user entity of the account with {@code email}, created when it has none. */
    public PublicKeyCredentialUserEntity userOf(String email) {
        PublicKeyCredentialUserEntity user = userEntities.findByUsername(email);
        if (user == null) {
            user = ImmutablePublicKeyCredentialUserEntity.builder().name(email).id(Bytes.random()).displayName(email)
                    .build();
            userEntities.save(user);
        }
        return user;
    }

    /** A passkey of the account with {@code email}, as registered; returns it as stored (label cleaned). */
    public CredentialRecord store(String email, String label) {
        Bytes id = Bytes.random();
        credentials.save(record(userOf(email).getId(), id, label));
        return credentials.findByCredentialId(id);
    }

    static ImmutableCredentialRecord record(Bytes userId, Bytes credentialId, String label) {
        byte[] key = new byte[77];
        ThreadLocalRandom.current().nextBytes(key);
        byte[] attestation = new byte[1200];
        ThreadLocalRandom.current().nextBytes(attestation);
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .credentialId(credentialId)
                .userEntityUserId(userId)
                .publicKey(new ImmutablePublicKeyCose(key))
                .signatureCount(0)
                .uvInitialized(true)
                .transports(Set.of(AuthenticatorTransport.INTERNAL))
                .backupEligible(false)
                .backupState(false)
                .attestationObject(new Bytes(attestation))
                .attestationClientDataJSON(new Bytes("{\"type\":\"webauthn.create\"}".getBytes()))
                .created(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .label(label)
                .build();
    }
}
