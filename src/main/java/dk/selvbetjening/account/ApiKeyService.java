package dk.selvbetjening.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityNotFoundException;
import dk.selvbetjening.authority.AuthorityService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for authorities' systems (ADR 0028): editors issue one for an authority with a name, see it once, list and
 * revoke; every change is audited. A key reads {@code sbk_<lookup>_<secret>}: the lookup part (8 random bytes) finds
 * the row, the whole key's SHA-256 is compared in constant time with the stored one. The secret is 32 random bytes,
 * so a hash without salt or stretching is enough: there is nothing to guess from a stolen hash.
 */
@Service
public class ApiKeyService {

    public static final String AUDIT_TYPE = "api-noegle";
    /** The prefix of every key, so that a key pasted where it should not be is recognised (e.g. by secret scanners). */
    static final String PREFIX = "sbk_";
    /** The audit log's and the API's name for a call made with the key {@code lookupId}. */
    public static final String ACTOR_PREFIX = "api-noegle:";
    private static final Pattern FORMAT = Pattern.compile("sbk_([A-Za-z0-9_-]{11})_([A-Za-z0-9_-]{43})");
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final int MAX_NAME = 100;

    private final ApiKeyRepository keys;
    private final AuthorityService authorities;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyRepository keys, AuthorityService authorities, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.authorities = authorities;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues a key named {@code name} for the authority {@code authorityId}, which must be selectable (complete and not
     * retired). The key is in the answer and nowhere else.
     *
     * @throws ApiKeyException naming the field to correct
     */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public IssuedApiKey issue(UUID authorityId, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new ApiKeyException("name", "apikeys.error.name");
        }
        AuthorityDetails authority;
        try {
            authority = authorityId == null ? null : authorities.authority(authorityId);
        } catch (AuthorityNotFoundException e) {
            authority = null;
        }
        if (authority == null || !authority.isSelectable()) {
            throw new ApiKeyException("authorityId", "apikeys.error.authority");
        }
        String lookupId = randomText(8);
        String key = PREFIX + lookupId + "_" + randomText(32);
        ApiKey stored = keys.saveAndFlush(new ApiKey(UUID.randomUUID(), lookupId, sha256(key), trimmed,
                authority.id(), clock.instant(), AuditLog.currentActor()));
        audit.record(AUDIT_TYPE, stored.id(), "audit.apikey.issued", trimmed + " (" + authority.name() + ")");
        return new IssuedApiKey(stored.toSummary(authority.name()), key);
    }

    /** Every key, the revoked ones too, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('EDITOR')")
    public List<ApiKeySummary> keys() {
        Map<UUID, String> names = authorities.authorities().stream()
                .collect(Collectors.toMap(AuthorityDetails::id, AuthorityDetails::name));
        return keys.findAllByOrderByCreatedAtDesc().stream()
                .map(key -> key.toSummary(names.getOrDefault(key.authorityId(), ""))).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('EDITOR')")
    public Optional<ApiKeySummary> key(UUID id) {
        return keys.findById(id).map(key -> key.toSummary(authorities.authority(key.authorityId()).name()));
    }

    /** Revokes the key at once: its next call is refused. Revoking a revoked key changes nothing. */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public void revoke(UUID id) {
        keys.findById(id).ifPresent(key -> {
            if (key.revoke(AuditLog.currentActor(), clock.instant())) {
                audit.record(AUDIT_TYPE, key.id(), "audit.apikey.revoked", key.name());
            }
        });
    }

    /**
     * The caller a presented key stands for: an authority editor of the key's authority, named
     * {@code api-noegle:<lookup>}; empty for a key that is malformed, unknown, revoked or whose authority is retired.
     * Notes the use (to the minute).
     */
    @Transactional
    Optional<CurrentAccount> authenticate(String presented) {
        Matcher parts = presented == null ? null : FORMAT.matcher(presented);
        if (parts == null || !parts.matches()) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented).getBytes(StandardCharsets.US_ASCII);
        return keys.findByLookupId(parts.group(1))
                .filter(key -> MessageDigest.isEqual(hash, key.keyHash().getBytes(StandardCharsets.US_ASCII)))
                .filter(key -> !key.revoked())
                .filter(key -> !authorities.authority(key.authorityId()).isRetired())
                .map(key -> {
                    Instant now = clock.instant();
                    keys.markUsed(key.id(), now, now.minus(LAST_USED_PRECISION));
                    return new CurrentAccount(key.id(), ACTOR_PREFIX + parts.group(1), key.name(),
                            Role.AUTHORITY_EDITOR, key.authorityId());
                });
    }

    private String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
