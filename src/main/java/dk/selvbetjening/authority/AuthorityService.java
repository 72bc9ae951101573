package dk.selvbetjening.authority;

import java.text.Collator;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.audit.AuditEntrySummary;
import dk.selvbetjening.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authority module's API: municipalities, regions and the register of authorities that own self-services.
 * Editors create, change, retire and reinstate authorities; every change is audited and checked by
 * {@link AuthorityRules}, and an outdated version changes nothing ({@link StaleAuthorityException}).
 */
@Service
@Transactional(readOnly = true)
public class AuthorityService {

    /** The audit log's subject type for authorities. */
    public static final String AUDIT_TYPE = "myndighed";
    private static final Comparator<AuthorityDetails> BY_NAME = Comparator.comparing(AuthorityDetails::name,
            Collator.getInstance(Locale.forLanguageTag("da")));

    private final MunicipalityRepository municipalities;
    private final RegionRepository regions;
    private final AuthorityRepository authorities;
    private final AuthorityImport imports;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuthorityService(MunicipalityRepository municipalities, RegionRepository regions,
            AuthorityRepository authorities, AuthorityImport imports, AuditLog audit, ApplicationEventPublisher events,
            Clock clock) {
        this.municipalities = municipalities;
        this.regions = regions;
        this.authorities = authorities;
        this.imports = imports;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** All 98 municipalities, by code. */
    public List<MunicipalitySummary> municipalities() {
        return municipalities.findAllByOrderByCodeAsc().stream().map(Municipality::toSummary).toList();
    }

    public Optional<MunicipalitySummary> municipality(int code) {
        return municipalities.findById(code).map(Municipality::toSummary);
    }

    public List<RegionSummary> regions() {
        return regions.findAllByOrderByCodeAsc().stream().map(Region::toSummary).toList();
    }

    public AuthorityDetails authority(UUID id) {
        return authorities.findById(id).map(Authority::toDetails).orElseThrow(() -> new AuthorityNotFoundException(id));
    }

    /** Every authority, the retired ones too (they own self-services and accounts of the past), by name. */
    public List<AuthorityDetails> authorities() {
        return authorities(AuthorityFilter.ALL);
    }

    /** The authorities {@code filter} lets through, by name in Danish order. */
    public List<AuthorityDetails> authorities(AuthorityFilter filter) {
        return authorities.findAll().stream().map(Authority::toDetails).filter(filter::matches).sorted(BY_NAME)
                .toList();
    }

    /** The authorities a new account or connection request may name: complete and not retired, by name. */
    public List<AuthorityDetails> selectable() {
        return authorities(AuthorityFilter.ACTIVE).stream().filter(AuthorityDetails::isSelectable).toList();
    }

    /** The authority with this CVR number, retired or not. */
    public Optional<AuthorityDetails> authorityByCvr(CvrNumber cvrNumber) {
        return authorities.findByCvrNumber(cvrNumber.value()).map(Authority::toDetails);
    }

    /**
     * Whether the authority's staff are let in at once by the OpenID Connect login as its authority editors, without
     * an editor's approval of their access request (ADR 0026). False for an authority not in the register.
     */
    public boolean isStaffLoginTrusted(UUID id) {
        return authorities.findById(id).map(Authority::isStaffLoginTrusted).orElse(false);
    }

    /** An editor marks the authority's staff login as trusted, or as needing approval; audited. */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public void trustStaffLogin(UUID id, boolean trusted) {
        Authority authority = authorities.findById(id).orElseThrow(() -> new AuthorityNotFoundException(id));
        if (authority.trustStaffLogin(trusted)) {
            audit.record(AUDIT_TYPE, id, trusted ? "audit.authority.staffLoginTrusted"
                    : "audit.authority.staffLoginNeedsApproval", null);
        }
    }

    /** The municipality's own authority record (homepage, phone), where one is registered. */
    public Optional<AuthorityDetails> municipalityAuthority(int municipalityCode) {
        return authorities.findByMunicipalityCode(municipalityCode).map(Authority::toDetails);
    }

    /** What the audit log says about the authority, oldest first. */
    public List<AuditEntrySummary> history(UUID id) {
        return audit.history(AUDIT_TYPE, id);
    }

    /**
     * Registers an authority from code (demo content, tests), by the same rules as an editor's.
     *
     * @throws InvalidAuthorityException when a rule is broken
     */
    @Transactional
    public AuthorityDetails register(NewAuthority command) {
        AuthorityValues values = AuthorityRules.check(command.toInput(), null, register()).orThrow();
        AuthorityDetails registered = authorities.saveAndFlush(new Authority(UUID.randomUUID(), values, command.demo()))
                .toDetails();
        events.publishEvent(new AuthorityChanged(registered.id()));
        return registered;
    }

    /**
     * An editor registers an authority.
     *
     * @throws InvalidAuthorityException listing what to fix; nothing is stored
     */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public AuthorityDetails create(AuthorityInput input) {
        AuthorityValues values = AuthorityRules.check(input, null, register()).orThrow();
        Authority created = authorities.saveAndFlush(new Authority(UUID.randomUUID(), values, false));
        audit.record(AUDIT_TYPE, created.id(), "audit.authority.created", values.summary());
        events.publishEvent(new AuthorityChanged(created.id()));
        return created.toDetails();
    }

    /**
     * An editor changes the authority as read at {@code expectedVersion}.
     *
     * @throws InvalidAuthorityException listing what to fix; nothing is changed
     * @throws StaleAuthorityException when someone changed it since
     */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public AuthorityDetails update(UUID id, long expectedVersion, AuthorityInput input) {
        Authority authority = forChange(id, expectedVersion);
        AuthorityValues values = AuthorityRules.check(input, id, register()).orThrow();
        String changes = authority.change(values);
        if (changes.isEmpty()) {
            return authority.toDetails();
        }
        audit.record(AUDIT_TYPE, id, "audit.authority.changed", changes);
        events.publishEvent(new AuthorityChanged(id));
        return saved(authority);
    }

    /**
     * An editor changes the authority as read at {@code expectedVersion} and, where {@code retired} is given and
     * differs, retires or reinstates it, in one transaction.
     */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public AuthorityDetails update(UUID id, long expectedVersion, AuthorityInput input, Boolean retired) {
        AuthorityDetails changed = update(id, expectedVersion, input);
        if (retired == null || retired == changed.isRetired()) {
            return changed;
        }
        return retired ? retire(id, changed.version()) : reinstate(id, changed.version());
    }

    /** Retires the authority: it stays for history, but new accounts and connection requests cannot name it. */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public AuthorityDetails retire(UUID id, long expectedVersion) {
        Authority authority = forChange(id, expectedVersion);
        if (authority.isRetired()) {
            throw new StaleAuthorityException("authority.error.alreadyRetired");
        }
        authority.retire(clock.instant());
        audit.record(AUDIT_TYPE, id, "audit.authority.retired", null);
        events.publishEvent(new AuthorityChanged(id));
        return saved(authority);
    }

    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public AuthorityDetails reinstate(UUID id, long expectedVersion) {
        Authority authority = forChange(id, expectedVersion);
        if (!authority.isRetired()) {
            throw new StaleAuthorityException("authority.error.notRetired");
        }
        authority.reinstate();
        audit.record(AUDIT_TYPE, id, "audit.authority.reinstated", null);
        events.publishEvent(new AuthorityChanged(id));
        return saved(authority);
    }

    /** The municipalities and regions that have no authority in the register yet. */
    public MissingAuthorities missing() {
        List<Authority> all = authorities.findAll();
        Set<Integer> municipalityCodes = all.stream().map(a -> a.values().municipalityCode())
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        List<MunicipalitySummary> missingMunicipalities = municipalities.findAllByOrderByCodeAsc().stream()
                .filter(m -> !municipalityCodes.contains(m.code())).map(Municipality::toSummary).toList();
        List<RegionSummary> missingRegions = regions.findAllByOrderByCodeAsc().stream()
                .filter(r -> all.stream().noneMatch(a -> covers(a.values(), r))).map(Region::toSummary).toList();
        return new MissingAuthorities(missingMunicipalities, missingRegions);
    }

    /**
     * Registers every municipality and region that has no authority yet, by its name and code and without CVR
     * number (incomplete until an editor adds it). A region counts as registered when a region authority names its
     * code, or carries its exact name without a code. Returns how many were created.
     */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public int createMissing() {
        MissingAuthorities missing = missing();
        Set<Integer> missingCodes = missing.municipalities().stream().map(MunicipalitySummary::code)
                .collect(Collectors.toSet());
        int created = 0;
        for (Municipality m : municipalities.findAllByOrderByCodeAsc()) {
            if (missingCodes.contains(m.code())) {
                createIncomplete(new AuthorityValues(m.authorityName(), AuthorityType.MUNICIPALITY, null, m.code(),
                        null, null, null, null));
                created++;
            }
        }
        for (RegionSummary r : missing.regions()) {
            createIncomplete(new AuthorityValues(r.name(), AuthorityType.REGION, null, null, r.code(), null, null,
                    null));
            created++;
        }
        authorities.flush();
        return created;
    }

    private void createIncomplete(AuthorityValues values) {
        Authority created = authorities.save(new Authority(UUID.randomUUID(), values, false));
        audit.record(AUDIT_TYPE, created.id(), "audit.authority.createdFromReferenceData", values.summary());
        events.publishEvent(new AuthorityChanged(created.id()));
    }

    private static boolean covers(AuthorityValues authority, Region region) {
        if (authority.type() != AuthorityType.REGION) {
            return false;
        }
        return authority.regionCode() != null ? authority.regionCode() == region.code()
                : authority.name().equalsIgnoreCase(region.name());
    }

    /**
     * Imports a CSV file of authorities (see {@link AuthorityCsv}): every row is checked first, and nothing is stored
     * unless every row is valid.
     */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public AuthorityImportReport importCsv(byte[] content) {
        return imports.run(content, register());
    }

    /** The authorities {@code filter} lets through as a CSV file for Danish Excel, in the columns an import reads. */
    public byte[] exportCsv(AuthorityFilter filter) {
        return AuthorityCsv.write(authorities(filter));
    }

    /** The register as it stands: reference data and who holds which CVR number and code. */
    AuthorityRules.Register register() {
        return new AuthorityRules.Register(municipalities.findAll().stream()
                        .collect(Collectors.toMap(Municipality::code, m -> m.toSummary().name())),
                regions.findAll().stream().collect(Collectors.toMap(Region::code, Region::name)),
                authorities.findAll());
    }

    private Authority forChange(UUID id, long expectedVersion) {
        Authority authority = authorities.findById(id).orElseThrow(() -> new AuthorityNotFoundException(id));
        if (authority.version() != expectedVersion) {
            throw new StaleAuthorityException("authority.error.stale");
        }
        return authority;
    }

    private AuthorityDetails saved(Authority authority) {
        try {
            return authorities.saveAndFlush(authority).toDetails();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleAuthorityException("authority.error.stale");
        }
    }
}
