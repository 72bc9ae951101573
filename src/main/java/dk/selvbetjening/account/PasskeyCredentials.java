package dk.selvbetjening.account;

import java.util.List;
import java.util.Locale;

import dk.selvbetjening.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored passkeys: Spring Security's {@link JdbcUserCredentialRepository} (table {@code user_credentials}), with
 * the label a person typed cleaned up (control characters out, at most {@value #MAX_LABEL} characters, never empty)
 * and each new passkey audited on its account. Spring Security's registration and login filters use this bean.
 */
@Component
class PasskeyCredentials implements UserCredentialRepository {

    static final int MAX_LABEL = 100;

    private final JdbcUserCredentialRepository credentials;
    private final AuditLog audit;
    private final AccountRepository accounts;
    private final String defaultLabel;

    PasskeyCredentials(JdbcOperations jdbc, AuditLog audit, AccountRepository accounts, MessageSource messages) {
        this.credentials = new JdbcUserCredentialRepository(jdbc);
        this.audit = audit;
        this.accounts = accounts;
        this.defaultLabel = messages.getMessage("passkeys.defaultLabel", null, Locale.forLanguageTag("da"));
    }

    @Override
    @Transactional
    public void save(CredentialRecord record) {
        if (credentials.findByCredentialId(record.getCredentialId()) != null) {
            credentials.save(record);
            return;
        }
        String label = label(record.getLabel(), defaultLabel);
        credentials.save(ImmutableCredentialRecord.fromCredentialRecord(record).label(label).build());
        CurrentAccount.current().flatMap(account -> accounts.findById(account.id())).ifPresent(account ->
                audit.record(AccountService.AUDIT_TYPE, account.id(), "audit.account.passkeyAdded", label));
    }

    @Override
    @Transactional
    public void delete(Bytes credentialId) {
        credentials.delete(credentialId);
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return credentials.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return credentials.findByUserId(userId);
    }

    /** What a person typed as a passkey's name, fit to store and show. */
    static String label(String typed, String otherwise) {
        String cleaned = typed == null ? "" : typed.replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ");
        if (cleaned.isEmpty()) {
            return otherwise;
        }
        return cleaned.length() > MAX_LABEL ? cleaned.substring(0, MAX_LABEL) : cleaned;
    }
}
