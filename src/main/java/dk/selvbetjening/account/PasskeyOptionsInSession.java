package dk.selvbetjening.account;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * The options of a WebAuthn ceremony, kept in the session between its two requests (ADR 0027), in a form that survives
 * a session stored in the database with Java serialization (Spring Session JDBC on the postgres profile, ADR 0018).
 *
 * <p>Spring Security 7.0's {@link PublicKeyCredentialCreationOptions} is not {@link Serializable} (spring-security
 * issue 16431), so its session repository would fail every {@code POST /webauthn/register/options} there;
 * {@link CreationOptions} keeps a snapshot of plain values instead and rebuilds the options on load. The request
 * options of a login are serializable, but Spring's WebAuthn operations compare their user verification requirement to
 * {@link UserVerificationRequirement#REQUIRED} by identity, which a deserialized copy never is: the passkey's user
 * verification would silently no longer be checked. {@link RequestOptions} therefore rebuilds what it loads with the
 * library's own constants. Both apply on every profile, so the embedded default and its tests take the same path.
 */
final class PasskeyOptionsInSession {

    private PasskeyOptionsInSession() {
    }

    /** The creation options (registering a passkey), as a snapshot of plain values in the session. */
    static final class CreationOptions implements PublicKeyCredentialCreationOptionsRepository {

        static final String ATTRIBUTE = CreationOptions.class.getName() + ".OPTIONS";

        @Override
        public void save(HttpServletRequest request, HttpServletResponse response,
                PublicKeyCredentialCreationOptions options) {
            if (options == null) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.removeAttribute(ATTRIBUTE);
                }
                return;
            }
            request.getSession().setAttribute(ATTRIBUTE, StoredCreationOptions.of(options));
        }

        @Override
        public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            Object stored = session == null ? null : session.getAttribute(ATTRIBUTE);
            return stored instanceof StoredCreationOptions options ? options.toOptions() : null;
        }
    }

    /** The request options (logging in with a passkey): Spring's session repository, rebuilt with constants on load. */
    static final class RequestOptions implements PublicKeyCredentialRequestOptionsRepository {

        private final HttpSessionPublicKeyCredentialRequestOptionsRepository session =
                new HttpSessionPublicKeyCredentialRequestOptionsRepository();

        @Override
        public void save(HttpServletRequest request, HttpServletResponse response,
                PublicKeyCredentialRequestOptions options) {
            session.save(request, response, options);
        }

        @Override
        public PublicKeyCredentialRequestOptions load(HttpServletRequest request) {
            return canonical(session.load(request));
        }

        static PublicKeyCredentialRequestOptions canonical(PublicKeyCredentialRequestOptions options) {
            if (options == null) {
                return null;
            }
            return PublicKeyCredentialRequestOptions.builder()
                    .challenge(options.getChallenge())
                    .timeout(options.getTimeout())
                    .rpId(options.getRpId())
                    .allowCredentials(options.getAllowCredentials() == null ? null : options.getAllowCredentials()
                            .stream().map(StoredDescriptor::of).map(StoredDescriptor::toDescriptor).toList())
                    .userVerification(options.getUserVerification() == null ? null
                            : userVerification(options.getUserVerification().getValue()))
                    .extensions(options.getExtensions())
                    .build();
        }
    }

    /** What the session keeps of {@link PublicKeyCredentialCreationOptions}: strings, numbers and bytes. */
    record StoredCreationOptions(String rpId, String rpName, String userName, Bytes userId, String userDisplayName,
            Bytes challenge, List<StoredParameter> parameters, Duration timeout, List<StoredDescriptor> excluded,
            String authenticatorAttachment, String residentKey, String userVerification, String attestation,
            AuthenticationExtensionsClientInputs extensions) implements Serializable {

        static StoredCreationOptions of(PublicKeyCredentialCreationOptions options) {
            PublicKeyCredentialRpEntity rp = options.getRp();
            PublicKeyCredentialUserEntity user = options.getUser();
            AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
            return new StoredCreationOptions(rp == null ? null : rp.getId(), rp == null ? null : rp.getName(),
                    user == null ? null : user.getName(), user == null ? null : user.getId(),
                    user == null ? null : user.getDisplayName(),
                    options.getChallenge(),
                    options.getPubKeyCredParams() == null ? null
                            : options.getPubKeyCredParams().stream().map(StoredParameter::of).toList(),
                    options.getTimeout(),
                    options.getExcludeCredentials() == null ? null
                            : options.getExcludeCredentials().stream().map(StoredDescriptor::of).toList(),
                    selection == null || selection.getAuthenticatorAttachment() == null ? null
                            : selection.getAuthenticatorAttachment().getValue(),
                    selection == null || selection.getResidentKey() == null ? null
                            : selection.getResidentKey().getValue(),
                    selection == null || selection.getUserVerification() == null ? null
                            : selection.getUserVerification().getValue(),
                    options.getAttestation() == null ? null : options.getAttestation().getValue(),
                    options.getExtensions());
        }

        PublicKeyCredentialCreationOptions toOptions() {
            return PublicKeyCredentialCreationOptions.builder()
                    .rp(rpId == null && rpName == null ? null
                            : PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
                    .user(userId == null && userName == null ? null : ImmutablePublicKeyCredentialUserEntity.builder()
                            .name(userName).id(userId).displayName(userDisplayName).build())
                    .challenge(challenge)
                    .pubKeyCredParams(parameters == null ? null
                            : parameters.stream().map(StoredParameter::toParameters).toList())
                    .timeout(timeout)
                    .excludeCredentials(excluded == null ? null
                            : excluded.stream().map(StoredDescriptor::toDescriptor).toList())
                    .authenticatorSelection(authenticatorAttachment == null && residentKey == null
                            && userVerification == null ? null : AuthenticatorSelectionCriteria.builder()
                                    .authenticatorAttachment(authenticatorAttachment == null ? null
                                            : AuthenticatorAttachment.valueOf(authenticatorAttachment))
                                    .residentKey(residentKey == null ? null : ResidentKeyRequirement.valueOf(residentKey))
                                    .userVerification(userVerification == null ? null
                                            : PasskeyOptionsInSession.userVerification(userVerification))
                                    .build())
                    .attestation(attestation == null ? null : AttestationConveyancePreference.valueOf(attestation))
                    .extensions(extensions)
                    .build();
        }
    }

    /** A {@link PublicKeyCredentialParameters}: its type and COSE algorithm number. */
    record StoredParameter(String type, long algorithm) implements Serializable {

        private static final List<PublicKeyCredentialParameters> KNOWN = List.of(PublicKeyCredentialParameters.EdDSA,
                PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
                PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256,
                PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
                PublicKeyCredentialParameters.RS1);

        static StoredParameter of(PublicKeyCredentialParameters parameters) {
            return new StoredParameter(parameters.getType().getValue(), parameters.getAlg().getValue());
        }

        /** The library's constant (it has no other way to make one, and compares the type by identity). */
        PublicKeyCredentialParameters toParameters() {
            return KNOWN.stream()
                    .filter(known -> known.getType().getValue().equals(type) && known.getAlg().getValue() == algorithm)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Unknown public key credential parameters " + type
                            + "/" + algorithm));
        }
    }

    /** A {@link PublicKeyCredentialDescriptor}: type, credential id and transports by their names. */
    record StoredDescriptor(String type, Bytes id, List<String> transports) implements Serializable {

        static StoredDescriptor of(PublicKeyCredentialDescriptor descriptor) {
            return new StoredDescriptor(descriptor.getType() == null ? null : descriptor.getType().getValue(),
                    descriptor.getId(), descriptor.getTransports() == null ? null
                            : descriptor.getTransports().stream().map(AuthenticatorTransport::getValue).toList());
        }

        PublicKeyCredentialDescriptor toDescriptor() {
            PublicKeyCredentialDescriptor.PublicKeyCredentialDescriptorBuilder builder = PublicKeyCredentialDescriptor
                    .builder().id(id);
            if (type != null) {
                builder.type(PublicKeyCredentialType.valueOf(type));
            }
            if (transports != null) {
                builder.transports(new LinkedHashSet<>(transports.stream().map(AuthenticatorTransport::valueOf)
                        .toList()));
            }
            return builder.build();
        }
    }

    /** The library's constant for a user verification requirement (it offers no {@code valueOf}). */
    static UserVerificationRequirement userVerification(String value) {
        return Stream.of(UserVerificationRequirement.REQUIRED, UserVerificationRequirement.PREFERRED,
                        UserVerificationRequirement.DISCOURAGED)
                .filter(known -> known.getValue().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown user verification requirement " + value));
    }
}
