package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dk.selvbetjening.account.AccountFixtures.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;

/**
 * The passkey tables of migration V67 under Spring Security's JDBC repositories, on one database: H2 in PostgreSQL
 * mode ({@link PasskeyStorageTests}) and PostgreSQL ({@link PasskeyStoragePostgresTests}), whose binary types differ.
 */
abstract class PasskeyStorageContract {

    @Autowired
    AccountFixtures accounts;

    @Autowired
    PasskeyFixtures passkeys;

    @Autowired
    PasskeyCredentials credentials;

    @Autowired
    PublicKeyCredentialUserEntityRepository userEntities;

    @Autowired
    PasskeyService service;

    @Test
    void aCredentialIsReadBackByteForByteAndItsUseIsRecorded() {
        TestAccount account = accounts.editor();
        PublicKeyCredentialUserEntity user = passkeys.userOf(account.email());
        Bytes id = Bytes.random();
        ImmutableCredentialRecord written = PasskeyFixtures.record(user.getId(), id, "Nøglen");
        credentials.save(written);

        CredentialRecord read = credentials.findByCredentialId(id);
        assertThat(read.getPublicKey().getBytes()).isEqualTo(written.getPublicKey().getBytes());
        assertThat(read.getAttestationObject().getBytes()).isEqualTo(written.getAttestationObject().getBytes());
        assertThat(read.getAttestationClientDataJSON()).isEqualTo(written.getAttestationClientDataJSON());
        assertThat(read.getUserEntityUserId()).isEqualTo(user.getId());
        assertThat(read.getTransports()).isEqualTo(written.getTransports());
        assertThat(read.getCreated()).isEqualTo(written.getCreated());
        assertThat(read.getLabel()).isEqualTo("Nøglen");
        assertThat(credentials.findByUserId(user.getId())).extracting(CredentialRecord::getCredentialId)
                .containsExactly(id);

        Instant used = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        credentials.save(ImmutableCredentialRecord.fromCredentialRecord(read).signatureCount(7).lastUsed(used).build());
        CredentialRecord afterUse = credentials.findByCredentialId(id);
        assertThat(afterUse.getSignatureCount()).isEqualTo(7);
        assertThat(afterUse.getLastUsed()).isEqualTo(used);
        assertThat(userEntities.findByUsername(account.email()).getId()).isEqualTo(user.getId());
    }

    @Test
    void theLabelIsCleanedAndCutToTheColumnsLength() {
        String email = accounts.editor().email();
        assertThat(passkeys.store(email, "  Min\tnye\n nøgle ").getLabel()).isEqualTo("Min nye nøgle");
        assertThat(passkeys.store(email, "x".repeat(150)).getLabel()).hasSize(PasskeyCredentials.MAX_LABEL);
        assertThat(passkeys.store(email, " \u0000 ").getLabel()).isEqualTo("Adgangsnøgle");
    }

    @Test
    void anAccountHasOneUserEntityAndItsCredentialsGoWithIt() {
        TestAccount editor = accounts.editor();
        TestAccount other = accounts.editor();
        CredentialRecord one = passkeys.store(other.email(), "En");
        passkeys.store(other.email(), "To");
        assertThatThrownBy(() -> userEntities.save(ImmutablePublicKeyCredentialUserEntity.builder()
                .name(other.email()).id(Bytes.random()).displayName("dublet").build()))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(accounts.runAs(editor, () -> service.count(other.id()))).isEqualTo(2);
        assertThat(accounts.runAs(editor, () -> service.counts())).containsEntry(other.id(), 2)
                .doesNotContainKey(editor.id());
        assertThat(accounts.runAs(editor, () -> service.reset(other.id()))).isEqualTo(2);
        assertThat(credentials.findByCredentialId(one.getCredentialId())).isNull();
        assertThat(userEntities.findByUsername(other.email())).isNull();
        assertThat(accounts.runAs(editor, () -> service.count(other.id()))).isZero();
    }
}
