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
 * API keys for authorities' systems (ADR 0028): editors issue one for an authority (or one that only reads the metrics,
 * ADR 0034) with a name and a lifetime, see it once, list and revoke; every change is audited. A key stops working when
 * it expires. A key reads {@code sbk_<lookup>_<secret>}: the lookup part (8 random bytes) finds
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
    private final ApiProperties properties;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyRepository keys, AuthorityService authorities, AuditLog audit, Clock clock,
            ApiProperties properties) {
        this.keys = keys;
        this.authorities = authorities;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** An authority's key with the default lifetime. */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public IssuedApiKey issue(UUID authorityId, String name) {
        return issue(ApiKeyScope.AUTHORITY, authorityId, name, null);
    }

    /**
     * Issues a key named {@code name}: for {@link ApiKeyScope#AUTHORITY} it acts for {@code authorityId}, which must be
     * selectable (complete and not retired); a {@link ApiKeyScope#METRICS} key has no authority. It works for
     * {@code days} days ({@code null}: the default lifetime), at most the longest lifetime. The key is in the answer
     * and nowhere else.
     *
     * @throws ApiKeyException naming the field to correct
     */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public IssuedApiKey issue(ApiKeyScope scope, UUID authorityId, String name, Integer days) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new ApiKeyException("name", "apikeys.error.name");
        }
        if (scope == null) {
            throw new ApiKeyException("scope", "nodesecurity.apikeys.error.scope");
        }
        long lifetime = days == null ? properties.keyLifetimeDays() : days;
        if (lifetime < 1 || lifetime > properties.keyMaxLifetimeDays()) {
            throw new ApiKeyException("validDays", "nodesecurity.apikeys.error.validDays");
        }
        AuthorityDetails authority = null;
        if (scope == ApiKeyScope.AUTHORITY) {
            try {
                authority = authorityId == null ? null : authorities.authority(authorityId);
            } catch (AuthorityNotFoundException e) {
                authority = null;
            }
            if (authority == null || !authority.isSelectable()) {
                throw new ApiKeyException("authorityId", "apikeys.error.authority");
            }
        }
        String lookupId = randomText(8);
        String key = PREFIX + lookupId + "_" + randomText(32);
        Instant now = clock.instant();
        ApiKey stored = keys.saveAndFlush(new ApiKey(UUID.randomUUID(), lookupId, sha256(key), trimmed, scope,
                authority == null ? null : authority.id(), now, AuditLog.currentActor(),
                now.plus(Duration.ofDays(lifetime))));
        String owner = authority == null ? "" : authority.name();
        audit.record(AUDIT_TYPE, stored.id(), "audit.apikey.issued",
                trimmed + " (" + (authority == null ? scope.name() : owner) + ", " + lifetime + " d)");
        return new IssuedApiKey(stored.toSummary(owner), key);
    }

    /**
     * The keys in use (not revoked, not expired) that expire within {@code selvbetjening.api.key-expiry-warning}, the
     * soonest first.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('EDITOR')")
    public List<ApiKeySummary> expiringSoon() {
        Instant now = clock.instant();
        return keys().stream().filter(key -> key.expiresSoon(now, properties.keyExpiryWarning()))
                .sorted(java.util.Comparator.comparing(ApiKeySummary::expiresAt)).toList();
    }

    /** Every key, the revoked ones too, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('EDITOR')")
    public List<ApiKeySummary> keys() {
        Map<UUID, String> names = new java.util.HashMap<>(authorities.authorities().stream()
                .collect(Collectors.toMap(AuthorityDetails::id, AuthorityDetails::name)));
        return keys.findAllByOrderByCreatedAtDesc().stream()
                .map(key -> key.toSummary(names.getOrDefault(key.authorityId(), ""))).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('EDITOR')")
    public Optional<ApiKeySummary> key(UUID id) {
        return keys.findById(id).map(key -> key.toSummary(
                key.authorityId() == null ? "" : authorities.authority(key.authorityId()).name()));
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

    /** Audits that {@code clientAddress} has presented {@code limit} refused keys: more are refused for a time. */
    @Transactional
    void throttled(String clientAddress, int limit) {
        audit.recordAs(AuditLog.SYSTEM, AUDIT_TYPE, clientAddress, "audit.apikey.throttled", null, limit);
    }

    /** What a presented key is: a caller of the API or of the metrics, an expired key, or nothing that works. */
    sealed interface Presented {
    }

    /** A key that works: {@code caller} is an authority editor of its authority, or a metrics reader. */
    record Accepted(CurrentAccount caller, ApiKeyScope scope) implements Presented {
    }

    /** A real key whose time is up: refused with a problem that says what to do. */
    record Expired(Instant expiredAt) implements Presented {
    }

    /** Malformed, unknown, revoked or of a retired authority: refused like a wrong password. */
    record Refused() implements Presented {
    }

    /**
     * What a presented key stands for: an authority editor of the key's authority (or, for a metrics key, a caller
     * with no authority), named {@code api-noegle:<lookup>}; refused for a key that is malformed, unknown, revoked or
     * whose authority is retired; expired for a real key past its expiry. Notes the use (to the minute).
     */
    @Transactional
    Presented authenticate(String presented) {
        Matcher parts = presented == null ? null : FORMAT.matcher(presented);
        if (parts == null || !parts.matches()) {
            return new Refused();
        }
        byte[] hash = sha256(presented).getBytes(StandardCharsets.US_ASCII);
        Optional<ApiKey> found = keys.findByLookupId(parts.group(1))
                .filter(key -> MessageDigest.isEqual(hash, key.keyHash().getBytes(StandardCharsets.US_ASCII)))
                .filter(key -> !key.revoked())
                .filter(key -> key.authorityId() == null || !authorities.authority(key.authorityId()).isRetired());
        if (found.isEmpty()) {
            return new Refused();
        }
        ApiKey key = found.get();
        Instant now = clock.instant();
        if (key.expired(now)) {
            return new Expired(key.expiresAt());
        }
        keys.markUsed(key.id(), now, now.minus(LAST_USED_PRECISION));
        return new Accepted(new CurrentAccount(key.id(), ACTOR_PREFIX + parts.group(1), key.name(),
                Role.AUTHORITY_EDITOR, key.authorityId()), key.scope());
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
