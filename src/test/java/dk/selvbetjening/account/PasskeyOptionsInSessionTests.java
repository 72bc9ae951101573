package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredProtectAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.CredProtectAuthenticationExtensionsClientInput.CredProtect;
import org.springframework.security.web.webauthn.api.CredProtectAuthenticationExtensionsClientInput.CredProtect.ProtectionPolicy;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.MapPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.MapUserCredentialRepository;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The options of a WebAuthn ceremony survive a session that is Java-serialized between the ceremony's two requests,
 * as Spring Session JDBC stores it on the postgres profile: every field comes back, and the values Spring's WebAuthn
 * operations compare by identity come back as the library's own constants.
 */
class PasskeyOptionsInSessionTests {

    private static final Bytes CREDENTIAL_ID = Bytes.random();

    @Test
    void springsOwnCreationOptionsCannotBeKeptInASerializedSession() {
        assertThatThrownBy(() -> serialize(everyFieldSet())).isInstanceOf(NotSerializableException.class);
    }

    @Test
    void creationOptionsWithEveryFieldSetComeBackFromASerializedSession() throws Exception {
        PublicKeyCredentialCreationOptions options = everyFieldSet();

        PublicKeyCredentialCreationOptions loaded = throughASerializedSession(options);

        assertSameCreationOptions(loaded, options);
        assertThat(loaded.getExcludeCredentials()).hasSize(2);
        assertThat(loaded.getExcludeCredentials().get(0).getTransports())
                .containsExactlyInAnyOrder(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID);
    }

    @Test
    void theRelyingPartysCreationOptionsComeBackFromASerializedSession() throws Exception {
        PublicKeyCredentialCreationOptions options = relyingParty().createPublicKeyCredentialCreationOptions(
                new ImmutablePublicKeyCredentialCreationOptionsRequest(new UsernamePasswordAuthenticationToken(
                        "redaktoer@kommune.dk", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR"))));
        assertThat(options.getAuthenticatorSelection().getUserVerification())
                .isSameAs(UserVerificationRequirement.REQUIRED);

        PublicKeyCredentialCreationOptions loaded = throughASerializedSession(options);

        assertSameCreationOptions(loaded, options);
        assertThat(loaded.getPubKeyCredParams()).isNotEmpty();
    }

    @Test
    void emptyCreationOptionsFieldsStayEmpty() throws Exception {
        PublicKeyCredentialCreationOptions options = PublicKeyCredentialCreationOptions.builder()
                .rp(PublicKeyCredentialRpEntity.builder().id("localhost").name("Selvbetjening").build())
                .user(ImmutablePublicKeyCredentialUserEntity.builder().name("a@kommune.dk").id(Bytes.random())
                        .displayName("a@kommune.dk").build())
                .challenge(Bytes.random())
                .pubKeyCredParams(PublicKeyCredentialParameters.ES256)
                .build();

        PublicKeyCredentialCreationOptions loaded = throughASerializedSession(options);

        assertSameCreationOptions(loaded, options);
        assertThat(loaded.getAuthenticatorSelection()).isNull();
        assertThat(loaded.getAttestation()).isNull();
    }

    @Test
    void noCreationOptionsWithoutASessionAndNoneAfterRemoval() {
        PasskeyOptionsInSession.CreationOptions repository = new PasskeyOptionsInSession.CreationOptions();
        MockHttpServletRequest request = new MockHttpServletRequest();
        assertThat(repository.load(request)).isNull();
        assertThat(request.getSession(false)).isNull();

        repository.save(request, new MockHttpServletResponse(), everyFieldSet());
        assertThat(repository.load(request)).isNotNull();
        repository.save(request, new MockHttpServletResponse(), null);
        assertThat(repository.load(request)).isNull();
    }

    @Test
    void aLoginsUserVerificationRequirementComesBackAsTheConstantTheRelyingPartyChecks() throws Exception {
        PublicKeyCredentialRequestOptions options = relyingParty().createCredentialRequestOptions(
                new ImmutablePublicKeyCredentialRequestOptionsRequest(null));
        assertThat(options.getUserVerification()).isSameAs(UserVerificationRequirement.REQUIRED);
        MockHttpServletRequest request = new MockHttpServletRequest();
        new PasskeyOptionsInSession.RequestOptions().save(request, new MockHttpServletResponse(), options);
        MockHttpServletRequest next = nextRequest(request);

        // Spring's repository alone hands back a copy that is not REQUIRED to an identity comparison
        assertThat(new HttpSessionPublicKeyCredentialRequestOptionsRepository().load(next).getUserVerification())
                .isNotSameAs(UserVerificationRequirement.REQUIRED);
        PublicKeyCredentialRequestOptions loaded = new PasskeyOptionsInSession.RequestOptions().load(next);

        assertThat(loaded.getUserVerification()).isSameAs(UserVerificationRequirement.REQUIRED);
        assertThat(loaded.getChallenge()).isEqualTo(options.getChallenge());
        assertThat(loaded.getTimeout()).isEqualTo(options.getTimeout());
        assertThat(loaded.getRpId()).isEqualTo(options.getRpId());
        assertThat(loaded.getAllowCredentials()).isEqualTo(options.getAllowCredentials());
        assertSameExtensions(loaded.getExtensions().getInputs(), options.getExtensions().getInputs());
    }

    @Test
    void aLoginsAllowedCredentialsComeBackWithTheLibrarysConstants() throws Exception {
        PublicKeyCredentialRequestOptions options = PublicKeyCredentialRequestOptions.builder()
                .challenge(Bytes.random())
                .timeout(Duration.ofMinutes(5))
                .rpId("localhost")
                .allowCredentials(List.of(excluded()))
                .userVerification(UserVerificationRequirement.PREFERRED)
                .build();
        MockHttpServletRequest request = new MockHttpServletRequest();
        new PasskeyOptionsInSession.RequestOptions().save(request, new MockHttpServletResponse(), options);

        PublicKeyCredentialRequestOptions loaded = new PasskeyOptionsInSession.RequestOptions()
                .load(nextRequest(request));

        assertThat(loaded.getUserVerification()).isSameAs(UserVerificationRequirement.PREFERRED);
        assertSameDescriptors(loaded.getAllowCredentials(), options.getAllowCredentials());
        assertThat(new PasskeyOptionsInSession.RequestOptions().load(new MockHttpServletRequest())).isNull();
    }

    private static PublicKeyCredentialCreationOptions everyFieldSet() {
        return PublicKeyCredentialCreationOptions.builder()
                .rp(PublicKeyCredentialRpEntity.builder().id("selvbetjening.example").name("Selvbetjening").build())
                .user(ImmutablePublicKeyCredentialUserEntity.builder().name("redaktoer@kommune.dk")
                        .id(Bytes.random()).displayName("Redaktør").build())
                .challenge(Bytes.random())
                .pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
                        PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS1)
                .timeout(Duration.ofSeconds(299))
                .excludeCredentials(List.of(excluded(), PublicKeyCredentialDescriptor.builder()
                        .type(PublicKeyCredentialType.PUBLIC_KEY).id(Bytes.random()).build()))
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .authenticatorAttachment(AuthenticatorAttachment.PLATFORM)
                        .residentKey(ResidentKeyRequirement.PREFERRED)
                        .userVerification(UserVerificationRequirement.DISCOURAGED)
                        .build())
                .attestation(AttestationConveyancePreference.DIRECT)
                .extensions(new ImmutableAuthenticationExtensionsClientInputs(
                        ImmutableAuthenticationExtensionsClientInput.credProps,
                        new CredProtectAuthenticationExtensionsClientInput(
                                new CredProtect(ProtectionPolicy.USER_VERIFICATION_REQUIRED, true))))
                .build();
    }

    private static PublicKeyCredentialDescriptor excluded() {
        return PublicKeyCredentialDescriptor.builder()
                .type(PublicKeyCredentialType.PUBLIC_KEY)
                .id(CREDENTIAL_ID)
                .transports(Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID))
                .build();
    }

    /** The relying party as {@link PasskeyConfiguration} sets it up, on in-memory repositories. */
    private static Webauthn4JRelyingPartyOperations relyingParty() {
        return PasskeyConfiguration.relyingParty(
                new MapPublicKeyCredentialUserEntityRepository(), new MapUserCredentialRepository(),
                new PasskeyProperties("localhost", "Selvbetjening", Set.of("http://localhost:8080")));
    }

    /** Saves {@code options}, then loads them in a request whose session went through Java serialization. */
    private static PublicKeyCredentialCreationOptions throughASerializedSession(
            PublicKeyCredentialCreationOptions options) throws Exception {
        PasskeyOptionsInSession.CreationOptions repository = new PasskeyOptionsInSession.CreationOptions();
        MockHttpServletRequest request = new MockHttpServletRequest();
        repository.save(request, new MockHttpServletResponse(), options);
        return repository.load(nextRequest(request));
    }

    /** A request in a copy of {@code request}'s session whose every attribute was serialized and read back. */
    private static MockHttpServletRequest nextRequest(MockHttpServletRequest request) throws Exception {
        MockHttpSession copy = new MockHttpSession();
        for (String name : Collections.list(request.getSession().getAttributeNames())) {
            byte[] bytes = serialize(request.getSession().getAttribute(name));
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                copy.setAttribute(name, in.readObject());
            }
        }
        MockHttpServletRequest next = new MockHttpServletRequest();
        next.setSession(copy);
        return next;
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static void assertSameCreationOptions(PublicKeyCredentialCreationOptions loaded,
            PublicKeyCredentialCreationOptions options) {
        assertThat(loaded).isNotSameAs(options);
        assertThat(loaded.getRp().getId()).isEqualTo(options.getRp().getId());
        assertThat(loaded.getRp().getName()).isEqualTo(options.getRp().getName());
        assertThat(loaded.getUser().getName()).isEqualTo(options.getUser().getName());
        assertThat(loaded.getUser().getId()).isEqualTo(options.getUser().getId());
        assertThat(loaded.getUser().getDisplayName()).isEqualTo(options.getUser().getDisplayName());
        assertThat(loaded.getChallenge()).isEqualTo(options.getChallenge());
        assertThat(loaded.getPubKeyCredParams()).hasSameSizeAs(options.getPubKeyCredParams());
        for (int i = 0; i < options.getPubKeyCredParams().size(); i++) {
            assertThat(loaded.getPubKeyCredParams().get(i)).isSameAs(options.getPubKeyCredParams().get(i));
        }
        assertThat(loaded.getTimeout()).isEqualTo(options.getTimeout());
        assertSameDescriptors(loaded.getExcludeCredentials(), options.getExcludeCredentials());
        AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
        if (selection == null) {
            assertThat(loaded.getAuthenticatorSelection()).isNull();
        } else {
            assertThat(loaded.getAuthenticatorSelection().getAuthenticatorAttachment())
                    .isSameAs(selection.getAuthenticatorAttachment());
            assertThat(loaded.getAuthenticatorSelection().getResidentKey()).isSameAs(selection.getResidentKey());
            assertThat(loaded.getAuthenticatorSelection().getUserVerification())
                    .isSameAs(selection.getUserVerification());
        }
        assertThat(loaded.getAttestation()).isSameAs(options.getAttestation());
        if (options.getExtensions() == null) {
            assertThat(loaded.getExtensions()).isNull();
        } else {
            assertSameExtensions(loaded.getExtensions().getInputs(), options.getExtensions().getInputs());
        }
    }

    private static void assertSameDescriptors(List<PublicKeyCredentialDescriptor> loaded,
            List<PublicKeyCredentialDescriptor> expected) {
        if (expected == null) {
            assertThat(loaded).isNull();
            return;
        }
        assertThat(loaded).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(loaded.get(i).getType()).isSameAs(expected.get(i).getType());
            assertThat(loaded.get(i).getId()).isEqualTo(expected.get(i).getId());
            if (expected.get(i).getTransports() == null) {
                assertThat(loaded.get(i).getTransports()).isNull();
            } else {
                assertThat(loaded.get(i).getTransports()).containsExactlyInAnyOrderElementsOf(
                        expected.get(i).getTransports());
            }
        }
    }

    private static void assertSameExtensions(List<AuthenticationExtensionsClientInput> loaded,
            List<AuthenticationExtensionsClientInput> expected) {
        assertThat(loaded).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(loaded.get(i).getExtensionId()).isEqualTo(expected.get(i).getExtensionId());
            if (expected.get(i).getInput() instanceof CredProtect protect) {
                CredProtect loadedProtect = (CredProtect) loaded.get(i).getInput();
                assertThat(loadedProtect.getCredProtectionPolicy()).isEqualTo(protect.getCredProtectionPolicy());
                assertThat(loadedProtect.isEnforceCredentialProtectionPolicy())
                        .isEqualTo(protect.isEnforceCredentialProtectionPolicy());
            } else {
                assertThat(loaded.get(i).getInput()).isEqualTo(expected.get(i).getInput());
            }
        }
    }
}
