package dk.selvbetjening.account;

import java.time.Instant;

/**
 * A registered passkey as its owner sees it. {@code id} is the credential id, base64url; {@code lastUsed} is null
 * until it has logged in (Spring Security stores the registration time there at first).
 */
public record PasskeySummary(String id, String label, Instant created, Instant lastUsed) {

    PasskeySummary(org.springframework.security.web.webauthn.api.CredentialRecord record) {
        this(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
                record.getLastUsed() == null || record.getCreated() == null
                        || record.getLastUsed().isAfter(record.getCreated()) ? record.getLastUsed() : null);
    }
}
