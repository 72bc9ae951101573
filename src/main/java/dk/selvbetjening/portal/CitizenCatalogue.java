package dk.selvbetjening.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.selvbetjening.actionpage.ActionPageChanged;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageDetails;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.CitizenActionPages;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.authority.AuthorityChanged;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.SelfServiceChanged;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.TopicSummary;
import dk.selvbetjening.municipallink.MunicipalLinkChanged;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.municipallink.MunicipalLinkSummary;
import dk.selvbetjening.shared.changes.ChangeSignals;
import dk.selvbetjening.usage.StartStatistics;
import dk.selvbetjening.usage.StartsFlushed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The citizen read path's in-memory model: the published self-services, except those whose action page is archived
 * (taken down for good; an unpublished page leaves its self-service with the short description). Every page and start
 * redirect reads one immutable {@link Snapshot}; no request queries the database once it is built. A change to a self-service, an action
 * page, a municipal link or an authority marks the snapshot stale after its transaction commits, and the next reader
 * builds a new one (readers meanwhile never see a half-built one). The new one reads again only the self-services
 * that changed and keeps the rest of the last one (at national size, 2,500 self-services and 200,000 municipal links,
 * a build from scratch takes seconds; bench/scale, ADR 0029); an authority's change and a change of unknown extent
 * make it build from scratch, and start counts only rank "most used" again ({@link #rankAgain}). A snapshot also goes stale when a planned downtime
 * notice comes on, turns to "closed now" or goes off (a day before, at the start, at the end), so cached pages show
 * it on time.
 * <p>
 * The listeners are synchronous after-commit listeners, not {@code @ApplicationModuleListener}s (ADR 0003): the
 * change is on the citizen pages as soon as the changing request has its answer, and nothing is lost if the
 * process dies in between, as a starting node builds its snapshot from the database. Spring Modulith still records
 * their publications in the event publication registry and deletes them when the listener returns; the ids keep a
 * publication left by a crash matched to its listener.
 */
@Component
public class CitizenCatalogue {

    private static final Logger log = LoggerFactory.getLogger(CitizenCatalogue.class);
    private static final int MOST_USED = 8;
    /** More changed self-services than this since the last build (an import) are read again all together. */
    static final int REREAD_AT_MOST = 200;

    private final SelfServiceService services;
    private final ActionPageService actionPages;
    private final MunicipalLinkService links;
    private final AuthorityService authorities;
    private final StartStatistics starts;
    private final ChangeSignals signals;
    private final Clock clock;

    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;
    /** What the last build read, reused by the next incremental build; only touched under this object's lock. */
    private Parts parts;
    /** What changed since the last build began; guarded by itself, never held while building. */
    private final Pending pending = new Pending();

    CitizenCatalogue(SelfServiceService services, ActionPageService actionPages, MunicipalLinkService links,
            AuthorityService authorities, StartStatistics starts, ChangeSignals signals, Clock clock) {
        this.signals = signals;
        this.clock = clock;
        this.services = services;
        this.actionPages = actionPages;
        this.links = links;
        this.authorities = authorities;
        this.starts = starts;
    }

    /** The current snapshot; built on first use and after a change. */
    public Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current != null && current.generation() == changes.get() && current.freshAt(clock.instant())) {
            return current;
        }
        synchronized (this) {
            if (snapshot != null && !snapshot.freshAt(clock.instant()) && snapshot.generation() == changes.get()) {
                changes.incrementAndGet();
            }
            long generation = changes.get();
            if (snapshot == null || snapshot.generation() != generation) {
                snapshot = build(generation);
            }
            return snapshot;
        }
    }

    /** The snapshot built last, without building one; null before the first is built. */
    Snapshot built() {
        return snapshot;
    }

    @TransactionalEventListener(id = "portal.catalogue-stale-on-self-service", fallbackExecution = true)
    void on(SelfServiceChanged event) {
        changed(Set.of(event.selfServiceId()));
    }

    @TransactionalEventListener(id = "portal.catalogue-stale-on-action-page", fallbackExecution = true)
    void on(ActionPageChanged event) {
        changed(Set.of(event.selfServiceId()));
    }

    @TransactionalEventListener(id = "portal.catalogue-stale-on-municipal-link", fallbackExecution = true)
    void on(MunicipalLinkChanged event) {
        changed(event.selfServiceIds());
    }

    @TransactionalEventListener(id = "portal.catalogue-stale-on-authority", fallbackExecution = true)
    void on(AuthorityChanged event) {
        invalidate();
    }

    /** Start counts change only "most used": ranked again, and the snapshot replaced only when the ranking changed. */
    @TransactionalEventListener(id = "portal.catalogue-stale-on-starts", fallbackExecution = true)
    void on(StartsFlushed event) {
        rankAgain();
    }

    /** Everything may have changed: the next snapshot is built from scratch. */
    void invalidate() {
        synchronized (pending) {
            pending.everything = true;
        }
        changes.incrementAndGet();
    }

    /**
     * These self-services changed (their content, status, action page or links): the next snapshot reads them again
     * and keeps the rest of the last one. Many at once (an import) are read again all together.
     */
    void changed(Set<UUID> selfServiceIds) {
        synchronized (pending) {
            if (pending.selfServices.size() + selfServiceIds.size() > REREAD_AT_MOST) {
                pending.everything = true;
            } else {
                pending.selfServices.addAll(selfServiceIds);
            }
        }
        changes.incrementAndGet();
    }


    /**
     * Ranks "most used" again from the written start counts (one query) and, when the ranking changed, replaces the
     * snapshot by a copy with the new ranking and a new generation; nothing else is read. A snapshot already stale is
     * left alone: its rebuild ranks anyway. A change that makes it stale meanwhile wins (the generation moves only
     * from the snapshot's own).
     */
    void rankAgain() {
        Snapshot current = snapshot;
        if (current == null || current.generation() != changes.get()) {
            return;
        }
        List<PortalService> ranked = mostUsed(current.services(), starts.startsPerServiceSince(30));
        if (ranked.stream().map(PortalService::slug).toList()
                .equals(current.mostUsed().stream().map(PortalService::slug).toList())) {
            return;
        }
        synchronized (this) {
            long generation = current.generation();
            if (snapshot == current && changes.compareAndSet(generation, generation + 1)) {
                snapshot = current.withMostUsed(ranked, generation + 1);
            }
        }
    }

    /** The {@value #MOST_USED} most started self-services in the last 30 days (waves first, then A–Z, on a tie). */
    private static List<PortalService> mostUsed(java.util.Collection<PortalService> services, Map<UUID, Long> usage) {
        return services.stream()
                .sorted(Comparator.<PortalService>comparingLong(s -> usage.getOrDefault(s.service().id(), 0L))
                        .reversed()
                        .thenComparing(s -> s.service().mandatoryWave() == null)
                        .thenComparing(s -> s.service().title())
                        .thenComparing(PortalService::slug))
                .limit(MOST_USED)
                .toList();
    }

    /**
     * Builds the snapshot of {@code generation}: from scratch the first time and when everything may have changed,
     * otherwise from the last build's parts with only the changed self-services read again. The changes are taken
     * before reading, and a listener records a change after its commit, so every read sees every change the
     * generation counts. A failed build leaves a full one for the next reader.
     */
    private Snapshot build(long generation) {
        long started = System.nanoTime();
        // read before the content, so the content is at least as new as the version it is named by
        Optional<ChangeSignals.KindVersion> shared = signals.version(CitizenCatalogueAcrossNodes.KIND);
        Pending changed;
        synchronized (pending) {
            changed = pending.take();
        }
        String how;
        try {
            if (parts == null || changed.everything) {
                parts = readAll();
                how = "from scratch";
            } else {
                parts = parts.with(reread(changed.selfServices));
                how = changed.selfServices.size() + " self-services read again";
            }
        } catch (RuntimeException e) {
            parts = null;
            throw e;
        }
        Snapshot built = assemble(generation, parts, shared);
        log.info("Citizen catalogue built: {} published self-services in {} ms ({})", built.services().size(),
                (System.nanoTime() - started) / 1_000_000, how);
        return built;
    }

    /**
     * Everything the snapshot shows, read from the modules. An archived action page takes its self-service off the
     * citizen pages (ADR 0031); an unpublished one leaves the self-service with its short description (ADR 0010).
     */
    private Parts readAll() {
        List<TopicSummary> topics = services.topics();
        List<MunicipalitySummary> municipalities = authorities.municipalities();
        Map<UUID, AuthorityDetails> authoritiesById = authorities.authorities().stream()
                .collect(Collectors.toMap(AuthorityDetails::id, Function.identity()));
        Map<UUID, ActionPageDetails> pages = actionPages.all().stream()
                .collect(Collectors.toMap(ActionPageDetails::selfServiceId, Function.identity()));
        Map<UUID, Map<Integer, MunicipalLinkSummary>> linksByService = new HashMap<>();
        links.forEachLink(link -> linksByService.computeIfAbsent(link.selfServiceId(), id -> new HashMap<>())
                .put(link.municipalityCode(), link));
        Set<UUID> archived = actionPages.archived();
        Map<UUID, PortalService> byId = new HashMap<>();
        for (SelfServiceDetails service : services.published()) {
            if (!archived.contains(service.id())) {
                byId.put(service.id(), portalService(service, pages.get(service.id()),
                        authoritiesById.get(service.authorityId()), linksByService.getOrDefault(service.id(), Map.of())));
            }
        }
        return new Parts(topics, municipalities, authoritiesById, byId);
    }

    /**
     * The changed self-services as citizens see them now, each id mapped to null when citizens no longer see it
     * (unpublished, or its action page archived). Their owners come from the last full read: every change to an
     * authority makes the next build a full one.
     */
    private Map<UUID, PortalService> reread(Set<UUID> ids) {
        Map<UUID, PortalService> reread = new HashMap<>();
        ids.forEach(id -> reread.put(id, null));
        if (ids.isEmpty()) {
            return reread;
        }
        Map<UUID, Map<Integer, MunicipalLinkSummary>> linksByService = new HashMap<>();
        for (MunicipalLinkSummary link : links.linksOf(ids)) {
            linksByService.computeIfAbsent(link.selfServiceId(), id -> new HashMap<>())
                    .put(link.municipalityCode(), link);
        }
        CitizenActionPages pages = actionPages.asCitizensSee(ids);
        for (SelfServiceDetails service : services.published(ids)) {
            if (pages.archived().contains(service.id())) {
                continue;
            }
            AuthorityDetails owner = service.authorityId() == null ? null
                    : parts.authoritiesById().get(service.authorityId());
            reread.put(service.id(), portalService(service, pages.published().get(service.id()), owner,
                    linksByService.getOrDefault(service.id(), Map.of())));
        }
        return reread;
    }

    private Snapshot assemble(long generation, Parts parts, Optional<ChangeSignals.KindVersion> shared) {
        Map<Integer, AuthorityDetails> municipalityAuthorities = parts.authoritiesById().values().stream()
                .filter(a -> a.type() == AuthorityType.MUNICIPALITY && a.municipalityCode() != null)
                .collect(Collectors.toMap(AuthorityDetails::municipalityCode, Function.identity()));
        Map<String, PortalService> bySlug = new LinkedHashMap<>();
        parts.services().values().stream().sorted(Comparator.comparing(s -> s.service().title()))
                .forEach(s -> bySlug.put(s.slug(), s));
        Instant now = clock.instant();
        // when a planned downtime notice comes on, turns to "closed now" or goes off
        List<Instant> downtimeMoments = bySlug.values().stream()
                .map(s -> s.actionPage().plannedDowntime())
                .filter(java.util.Objects::nonNull)
                .flatMap(d -> java.util.stream.Stream.of(d.from().minus(PlannedDowntime.NOTICE), d.from(), d.until()))
                .toList();
        Instant validUntil = downtimeMoments.stream().filter(t -> t.isAfter(now))
                .min(Comparator.naturalOrder()).orElse(null);
        Instant validFrom = downtimeMoments.stream().filter(t -> !t.isAfter(now))
                .max(Comparator.naturalOrder()).orElse(null);
        List<PortalService> mostUsed = mostUsed(bySlug.values(), starts.startsPerServiceSince(30));
        return new Snapshot(generation, parts.topics(), parts.municipalities(), municipalityAuthorities, bySlug,
                mostUsed, validUntil,
                shared.map(v -> new SharedVersion(v.generation(), v.changedAt(), validFrom)).orElse(null), snapshot);
    }

    /** What a build read: the published self-services as citizens see them, by id, and what they refer to. */
    private record Parts(List<TopicSummary> topics, List<MunicipalitySummary> municipalities,
            Map<UUID, AuthorityDetails> authoritiesById, Map<UUID, PortalService> services) {

        /** These parts with the self-services read again (null: citizens no longer see it). */
        Parts with(Map<UUID, PortalService> reread) {
            Map<UUID, PortalService> merged = new HashMap<>(services);
            reread.forEach((id, service) -> {
                if (service == null) {
                    merged.remove(id);
                } else {
                    merged.put(id, service);
                }
            });
            return new Parts(topics, municipalities, authoritiesById, merged);
        }
    }

    /** The changes recorded since the last build began. */
    private static final class Pending {

        private Set<UUID> selfServices = new HashSet<>();
        private boolean everything;

        /** The changes so far, leaving none behind. */
        Pending take() {
            Pending taken = new Pending();
            taken.selfServices = selfServices;
            taken.everything = everything;
            selfServices = new HashSet<>();
            everything = false;
            return taken;
        }
    }

    /**
     * The self-service as citizens would see it with {@code content} as its action page, whether or not either is
     * published (the editor's preview). Reads the database; never part of a snapshot.
     */
    public PortalService preview(SelfServiceDetails service, ActionPageContent content) {
        AuthorityDetails owner = service.authorityId() == null ? null : authorities.authority(service.authorityId());
        Map<Integer, MunicipalLinkSummary> serviceLinks = new HashMap<>();
        for (MunicipalLinkSummary link : links.linksOf(service.id())) {
            serviceLinks.put(link.municipalityCode(), link);
        }
        return new PortalService(service, owner, content, clock.instant(), serviceLinks);
    }

    private static PortalService portalService(SelfServiceDetails service, ActionPageDetails page,
            AuthorityDetails owner, Map<Integer, MunicipalLinkSummary> links) {
        ActionPageContent content = page != null ? page.content()
                : new ActionPageContent(service.title(), service.shortDescription(), List.of(), null, null, null,
                        null, null);
        var updatedAt = page != null && page.updatedAt() != null && page.updatedAt().isAfter(service.updatedAt())
                ? page.updatedAt() : service.updatedAt();
        return new PortalService(service, owner, content, updatedAt, links,
                page == null ? null : page.updatedAt() != null ? page.updatedAt() : service.updatedAt());
    }

    /**
     * What a snapshot was built from, as every node names it: the database's generation of the newest committed change
     * that made the catalogue stale ({@link ChangeSignals#version}, 0 before the first) and when that change was, and
     * the last planned-downtime moment (notice on, closed, notice off) that had passed at the build, null if none.
     */
    public record SharedVersion(long generation, Instant changedAt, Instant downtimeMoment) {
    }

    /**
     * One consistent, immutable view of what citizens see, with versions of its parts for the pages cached from it
     * (ADR 0032): each self-service's version is the generation of the snapshot in which it last changed, kept while a
     * later snapshot holds it unchanged (the same object, or an equal one after a build from scratch); the version of
     * what every page may show ({@link #commonVersion}: topics, municipalities and their authority records), of each
     * topic's list and of "most used" move likewise only when they changed. Versions are this process's numbers: the
     * same version of a part always names the same content.
     */
    public static final class Snapshot {

        private final long generation;
        private final List<TopicSummary> topics;
        private final Map<String, TopicSummary> topicsBySlug;
        private final List<MunicipalitySummary> municipalities;
        private final Map<Integer, MunicipalitySummary> municipalitiesByCode;
        private final Map<Integer, AuthorityDetails> municipalityAuthorities;
        private final Map<String, PortalService> bySlug;
        private final Map<UUID, PortalService> byId;
        private final Map<String, List<PortalService>> byTopic;
        private final List<PortalService> mostUsed;
        private final List<PortalService> byTitle;
        private final Instant validUntil;
        private final SharedVersion sharedVersion;
        private final Map<UUID, Long> versions;
        private final long commonVersion;
        private final Map<String, Long> topicVersions;
        private final long mostUsedVersion;

        /** The first snapshot: every part's version is its generation. */
        Snapshot(long generation, List<TopicSummary> topics, List<MunicipalitySummary> municipalities,
                Map<Integer, AuthorityDetails> municipalityAuthorities, Map<String, PortalService> bySlug,
                List<PortalService> mostUsed, Instant validUntil, SharedVersion sharedVersion) {
            this(generation, topics, municipalities, municipalityAuthorities, bySlug, mostUsed, validUntil,
                    sharedVersion, null);
        }

        /** A snapshot that keeps the versions of the parts it shares with {@code previous} (null: none). */
        Snapshot(long generation, List<TopicSummary> topics, List<MunicipalitySummary> municipalities,
                Map<Integer, AuthorityDetails> municipalityAuthorities, Map<String, PortalService> bySlug,
                List<PortalService> mostUsed, Instant validUntil, SharedVersion sharedVersion, Snapshot previous) {
            this.generation = generation;
            this.validUntil = validUntil;
            this.sharedVersion = sharedVersion;
            this.topics = List.copyOf(topics);
            this.topicsBySlug = topics.stream().collect(Collectors.toUnmodifiableMap(TopicSummary::slug, t -> t));
            Comparator<String> danish = DanishOrder.names();
            // A–Å for the citizen's choice
            this.municipalities = municipalities.stream()
                    .sorted(Comparator.comparing(MunicipalitySummary::name, danish)).toList();
            this.municipalitiesByCode = municipalities.stream()
                    .collect(Collectors.toUnmodifiableMap(MunicipalitySummary::code, m -> m));
            this.municipalityAuthorities = Map.copyOf(municipalityAuthorities);
            this.bySlug = Map.copyOf(bySlug);
            this.byId = bySlug.values().stream()
                    .collect(Collectors.toUnmodifiableMap(s -> s.service().id(), s -> s));
            Map<String, List<PortalService>> topicIndex = new HashMap<>();
            bySlug.values().stream()
                    .sorted(Comparator.comparing(s -> s.service().title()))
                    .forEach(s -> s.service().topics()
                            .forEach(t -> topicIndex.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(s)));
            this.byTopic = topicIndex.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
            this.mostUsed = List.copyOf(mostUsed);
            this.byTitle = bySlug.values().stream().sorted(Comparator.comparing(s -> s.service().title())).toList();
            this.versions = serviceVersions(byId, previous, generation);
            this.commonVersion = previous != null && previous.topics.equals(this.topics)
                    && previous.municipalities.equals(this.municipalities)
                    && previous.municipalityAuthorities.equals(this.municipalityAuthorities)
                    ? previous.commonVersion : generation;
            Map<String, Long> topicVersions = new HashMap<>();
            Set<String> topicSlugs = new HashSet<>(topicsBySlug.keySet());
            topicSlugs.addAll(byTopic.keySet());
            for (String slug : topicSlugs) {
                topicVersions.put(slug, previous == null ? generation
                        : listVersion(servicesIn(slug), versions, previous.servicesIn(slug), previous.versions,
                                previous.topicVersions.get(slug), generation));
            }
            this.topicVersions = Map.copyOf(topicVersions);
            this.mostUsedVersion = previous == null ? generation
                    : listVersion(this.mostUsed, versions, previous.mostUsed, previous.versions,
                            previous.mostUsedVersion, generation);
        }

        /** {@code from} with another "most used" under a new generation; everything else shared. */
        private Snapshot(Snapshot from, List<PortalService> mostUsed, long generation) {
            this.generation = generation;
            this.topics = from.topics;
            this.topicsBySlug = from.topicsBySlug;
            this.municipalities = from.municipalities;
            this.municipalitiesByCode = from.municipalitiesByCode;
            this.municipalityAuthorities = from.municipalityAuthorities;
            this.bySlug = from.bySlug;
            this.byId = from.byId;
            this.byTopic = from.byTopic;
            this.mostUsed = List.copyOf(mostUsed);
            this.byTitle = from.byTitle;
            this.validUntil = from.validUntil;
            this.sharedVersion = from.sharedVersion;
            this.versions = from.versions;
            this.commonVersion = from.commonVersion;
            this.topicVersions = from.topicVersions;
            this.mostUsedVersion = listVersion(this.mostUsed, versions, from.mostUsed, from.versions,
                    from.mostUsedVersion, generation);
        }

        /**
         * Each self-service's version: the one it had in {@code previous} when it is the same there or equal (a build
         * from scratch reads equal objects again), else {@code generation}.
         */
        private static Map<UUID, Long> serviceVersions(Map<UUID, PortalService> byId, Snapshot previous,
                long generation) {
            Map<UUID, Long> versions = new HashMap<>();
            byId.forEach((id, service) -> {
                PortalService before = previous == null ? null : previous.byId.get(id);
                versions.put(id, before != null && (before == service || before.equals(service))
                        ? previous.versions.get(id) : generation);
            });
            return Map.copyOf(versions);
        }

        /**
         * The version of a list of self-services: {@code previousVersion} when it holds the same self-services in the
         * same order, each at the version it had before; else {@code generation}.
         */
        private static long listVersion(List<PortalService> now, Map<UUID, Long> versionsNow,
                List<PortalService> before, Map<UUID, Long> versionsBefore, Long previousVersion, long generation) {
            if (previousVersion == null || now.size() != before.size()) {
                return generation;
            }
            for (int i = 0; i < now.size(); i++) {
                UUID id = now.get(i).service().id();
                if (!id.equals(before.get(i).service().id())
                        || !versionsNow.get(id).equals(versionsBefore.get(id))) {
                    return generation;
                }
            }
            return previousVersion;
        }

        Snapshot withMostUsed(List<PortalService> mostUsed, long generation) {
            return new Snapshot(this, mostUsed, generation);
        }

        /** This process's number for the snapshot: it moves with every change, "most used" included. */
        public long generation() {
            return generation;
        }

        /**
         * The version of {@code service} of this snapshot: it moves when anything of it changed (its text, status,
         * owner, action page or municipal links), and only then.
         *
         * @throws IllegalArgumentException when this snapshot does not show it
         */
        public long version(PortalService service) {
            Long version = versions.get(service.service().id());
            if (version == null || byId.get(service.service().id()) != service) {
                throw new IllegalArgumentException("not in this snapshot: " + service.slug());
            }
            return version;
        }

        /**
         * The version of what any citizen page may show besides self-services: the topics, the municipalities and the
         * municipalities' authority records (homepage, phone). It moves when one of them changed, and only then.
         */
        public long commonVersion() {
            return commonVersion;
        }

        /** The version of the topic's list of self-services ({@link #servicesIn}), each at its version. */
        public long topicVersion(String topicSlug) {
            return topicVersions.getOrDefault(topicSlug, generation);
        }

        /** The version of {@link #mostUsed}, each self-service at its version. */
        public long mostUsedVersion() {
            return mostUsedVersion;
        }

        /**
         * The version of everything but "most used", the same on every node that built its snapshot from the same
         * data (ADR 0031); empty where changes are not shared between nodes (H2, one node).
         */
        public Optional<SharedVersion> sharedVersion() {
            return Optional.ofNullable(sharedVersion);
        }

        /** Whether no downtime notice has come on or gone off since the snapshot was built. */
        boolean freshAt(Instant now) {
            return validUntil == null || now.isBefore(validUntil);
        }

        public List<TopicSummary> topics() {
            return topics;
        }

        public Optional<TopicSummary> topic(String slug) {
            return Optional.ofNullable(topicsBySlug.get(slug));
        }

        /** The municipalities by name, A–Å ({@link DanishOrder}). */
        public List<MunicipalitySummary> municipalities() {
            return municipalities;
        }

        public Optional<MunicipalitySummary> municipality(int code) {
            return Optional.ofNullable(municipalitiesByCode.get(code));
        }

        /** The municipality's authority record (homepage, phone), where registered. */
        public Optional<AuthorityDetails> municipalityAuthority(int code) {
            return Optional.ofNullable(municipalityAuthorities.get(code));
        }

        /**
         * Who answers to the citizen for {@code service}: for a municipal solution, the chosen municipality (its
         * authority record, or just its name and code when it has none; empty when no municipality is chosen);
         * for a national one, its owner.
         */
        public Optional<AuthorityDetails> responsible(PortalService service, Integer municipalityCode) {
            if (!service.isMunicipal()) {
                return Optional.ofNullable(service.authority());
            }
            if (municipalityCode == null) {
                return Optional.empty();
            }
            return municipalityAuthority(municipalityCode)
                    .or(() -> municipality(municipalityCode).map(AuthorityDetails::unregistered));
        }

        public Optional<PortalService> service(String slug) {
            return Optional.ofNullable(bySlug.get(slug));
        }

        public Optional<PortalService> service(UUID id) {
            return Optional.ofNullable(byId.get(id));
        }

        /** The published self-services, by title. */
        public List<PortalService> services() {
            return byTitle;
        }

        /** The topic's published self-services, by title. */
        public List<PortalService> servicesIn(String topicSlug) {
            return byTopic.getOrDefault(topicSlug, List.of());
        }

        public List<PortalService> mostUsed() {
            return mostUsed;
        }
    }
}
