package dk.selvbetjening.account;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys of backoffice accounts (ADR 0027): an account's own list and removal, and the editors' recovery, which
 * removes all of an account's passkeys and ends its sessions. Registering and logging in are Spring Security's
 * WebAuthn filters ({@link PasskeyLogin}); a passkey belongs to the account whose e-mail address is its user entity's
 * name.
 */
@Service
@Transactional(readOnly = true)
public class PasskeyService {

    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final PasskeyCredentials credentials;
    private final AccountRepository accounts;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final EditorPasskeyProperties rule;

    PasskeyService(PublicKeyCredentialUserEntityRepository userEntities, PasskeyCredentials credentials,
            AccountRepository accounts, AuditLog audit, JdbcClient jdbc, EditorPasskeyProperties rule) {
        this.userEntities = userEntities;
        this.credentials = credentials;
        this.accounts = accounts;
        this.audit = audit;
        this.jdbc = jdbc;
        this.rule = rule;
    }

    /** Whether editors must use a passkey (or another login than a password); see {@link EditorPasskeyProperties}. */
    public boolean requiredForEditors() {
        return rule.editorPasskeyRequired();
    }

    /** The logged-in account's passkeys, the newest first. */
    public List<PasskeySummary> ownPasskeys() {
        return records(current().email()).stream()
                .sorted(Comparator.comparing(CredentialRecord::getCreated,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .map(PasskeySummary::new)
                .toList();
    }

    /** One of the logged-in account's passkeys by its id; empty for anyone else's or an unknown id. */
    public Optional<PasskeySummary> ownPasskey(String id) {
        return own(id).map(PasskeySummary::new);
    }

    /** Removes one of the logged-in account's own passkeys; false when it has no such passkey. Audited. */
    @Transactional
    public boolean removeOwn(String id) {
        Optional<CredentialRecord> record = own(id);
        record.ifPresent(found -> {
            credentials.delete(found.getCredentialId());
            audit.record(AccountService.AUDIT_TYPE, current().id(), "audit.account.passkeyRemoved",
                    found.getLabel());
        });
        return record.isPresent();
    }

    /** How many passkeys each account has (accounts without any are left out). */
    @PreAuthorize("hasRole('EDITOR')")
    public Map<UUID, Integer> counts() {
        Map<String, Integer> byEmail = new HashMap<>();
        jdbc.sql("""
                select e.name, count(*) from user_entities e join user_credentials c on c.user_entity_user_id = e.id
                group by e.name""")
                .query((rows, n) -> Map.entry(rows.getString(1), rows.getInt(2))).list()
                .forEach(entry -> byEmail.put(entry.getKey(), entry.getValue()));
        Map<UUID, Integer> counts = new HashMap<>();
        accounts.findAll().forEach(account -> {
            Integer count = byEmail.get(account.toCurrent().email());
            if (count != null) {
                counts.put(account.id(), count);
            }
        });
        return counts;
    }

    /** How many passkeys an account has. */
    @PreAuthorize("hasRole('EDITOR')")
    public int count(UUID accountId) {
        return accounts.findById(accountId).map(account -> records(account.toCurrent().email()).size()).orElse(0);
    }

    /**
     * Recovery, by another editor: removes every passkey of the account and ends its sessions (a lost or stolen
     * authenticator no longer logs in; the person logs in with the password and registers a new one). Audited on the
     * account with the number removed. An editor removes their own passkeys on their own page instead.
     */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public int reset(UUID accountId) {
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> new AccountException("account.error.notFound"));
        if (current().id().equals(accountId)) {
            throw new AccountException("passkeys.error.resetSelf");
        }
        PublicKeyCredentialUserEntity user = userEntities.findByUsername(account.toCurrent().email());
        List<CredentialRecord> records = user == null ? List.of() : credentials.findByUserId(user.getId());
        records.forEach(record -> credentials.delete(record.getCredentialId()));
        if (user != null) {
            userEntities.delete(user.getId());
        }
        account.endSessions();
        audit.record(AccountService.AUDIT_TYPE, accountId, "audit.account.passkeysReset", null, records.size());
        return records.size();
    }

    /** How many passkeys the account with {@code email} has; for the login rules, without a role check. */
    int countFor(String email) {
        return records(email).size();
    }

    private Optional<CredentialRecord> own(String id) {
        Bytes credentialId;
        try {
            credentialId = Bytes.fromBase64(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        Optional<PublicKeyCredentialUserEntity> user = Optional.ofNullable(
                userEntities.findByUsername(current().email()));
        return user.flatMap(owner -> Optional.ofNullable(credentials.findByCredentialId(credentialId))
                .filter(record -> owner.getId().equals(record.getUserEntityUserId())));
    }

    private List<CredentialRecord> records(String email) {
        PublicKeyCredentialUserEntity user = userEntities.findByUsername(email);
        return user == null ? List.of() : credentials.findByUserId(user.getId());
    }

    private static CurrentAccount current() {
        return CurrentAccount.current().orElseThrow(() -> new AccountException("account.error.notFound"));
    }
}
