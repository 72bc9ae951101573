package dk.selvbetjening.linkhealth;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dk.selvbetjening.catalogue.SelfServiceChanged;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.linkcheck.LinkOutcome;
import dk.selvbetjening.linkcheck.UrlChecked;
import dk.selvbetjening.municipallink.MunicipalLinkChanged;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.municipallink.MunicipalLinkSummary;
import dk.selvbetjening.shared.SystemPrincipal;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells the link checker which URLs citizens can start — a published national solution's URL, each municipal
 * link of a published municipal solution — after the change commits, and gives its verdicts to the municipal
 * links (broken or working). Each link is its own watcher, so a URL used by many links is checked once.
 * <p>
 * The listeners are Spring Modulith's {@link ApplicationModuleListener}s: the event's publication is written to the
 * event publication registry in the transaction that published it, and each listener runs after that commit, on the
 * application task executor. Watching runs outside a transaction, so that each of the link checker's writes is a
 * transaction of its own, which it retries when a listener on another thread registered the same URL at the same
 * moment (inside a surrounding transaction the retry could not recover); a verdict is written in one transaction.
 * A publication is done when its listener has returned; one that a crash interrupted or a failure stopped is
 * delivered again when the application starts (ADR 0015). Delivering again is safe: watching re-reads the current
 * state, and a verdict older than a link's last one changes nothing. The ids name the listeners in the registry and
 * must stay as they are while publications may be outstanding. The listeners run as the application itself
 * ({@link SystemPrincipal}), whoever made the change: no one is logged in on the executor's threads.
 */
@Component
class LinkWatching {

    /** Writes of one listener's watchers before it gives up on a state that keeps changing (and fails). */
    private static final int SETTLE_ROUNDS = 5;

    private final LinkCheckService checks;
    private final SelfServiceService services;
    private final MunicipalLinkService links;

    LinkWatching(LinkCheckService checks, SelfServiceService services, MunicipalLinkService links) {
        this.checks = checks;
        this.services = services;
        this.links = links;
    }

    static String serviceWatcher(UUID serviceId) {
        return "selvbetjening:" + serviceId;
    }

    static String linkWatcher(UUID serviceId, int municipalityCode) {
        return "kommunelink:" + serviceId + ":" + municipalityCode;
    }

    @ApplicationModuleListener(id = "linkhealth.watch-self-service", propagation = Propagation.NOT_SUPPORTED)
    void on(SelfServiceChanged event) {
        SystemPrincipal.run(() -> watch(services.byId(event.selfServiceId())));
    }

    @ApplicationModuleListener(id = "linkhealth.watch-municipal-links", propagation = Propagation.NOT_SUPPORTED)
    void on(MunicipalLinkChanged event) {
        SystemPrincipal.run(() -> {
            Map<UUID, Set<Integer>> changed = event.municipalityCodesByService();
            settle(wantedLinks(changed), () -> wantedLinks(changed));
        });
    }

    /**
     * What the changed links' watchers should use now: each link's URL while its self-service is published. One
     * self-service (an edit): its links; many (an import): every link and every published service, each read in one
     * query.
     */
    Map<String, List<String>> wantedLinks(Map<UUID, Set<Integer>> changed) {
        Map<UUID, SelfServiceDetails> published = changed.size() == 1 ? Map.of()
                : services.published().stream().collect(Collectors.toMap(SelfServiceDetails::id, s -> s));
        List<MunicipalLinkSummary> candidates = changed.size() == 1
                ? links.linksOf(changed.keySet().iterator().next()) : links.all();
        Map<UUID, Boolean> live = new HashMap<>();
        Map<String, List<String>> wanted = new HashMap<>();
        for (MunicipalLinkSummary link : candidates) {
            Set<Integer> codes = changed.get(link.selfServiceId());
            if (codes != null && codes.contains(link.municipalityCode())) {
                boolean isLive = live.computeIfAbsent(link.selfServiceId(), id -> published.containsKey(id)
                        || services.byId(id).status() == SelfServiceStatus.PUBLISHED);
                wantLink(wanted, link, isLive);
            }
        }
        return wanted;
    }

    /**
     * Writes {@code wanted} (read a moment ago), then reads again what is wanted {@code now}, and writes that until
     * the two agree. The listeners run in no fixed order and each reads, then writes, in transactions of their own: a
     * listener that read before a later change (a self-service published, a link changed) may write after that
     * change's listener did, and so put back what it had read. Whatever it read was committed before it read it, and
     * the later change before that change's listener read it, so reading again after the write sees the later change;
     * the last writer to finish has written what is true. A state that keeps changing fails the listener, and its
     * event is delivered again (ADR 0015).
     */
    void settle(Map<String, List<String>> wanted, Supplier<Map<String, List<String>>> now) {
        Map<String, List<String>> written = wanted;
        for (int round = 0; round < SETTLE_ROUNDS; round++) {
            checks.watchOnly(written);
            Map<String, List<String>> again = now.get();
            if (again.equals(written)) {
                return;
            }
            written = again;
        }
        throw new IllegalStateException("The watched links kept changing while they were written: "
                + written.keySet());
    }

    /** A verdict on a URL reaches every municipal link that uses it. */
    @ApplicationModuleListener(id = "linkhealth.mark-municipal-links-checked")
    void on(UrlChecked event) {
        boolean broken = event.outcome() == LinkOutcome.BROKEN || event.outcome() == LinkOutcome.DANGER;
        SystemPrincipal.run(() -> links.markChecked(event.url(), broken, event.checkedAt()));
    }

    /**
     * Watches (or stops watching) everything of one self-service, for its status as read in {@code service}, in one
     * bulk write, then {@linkplain #settle settles} it with the self-service as it is now.
     */
    void watch(SelfServiceDetails service) {
        settle(wanted(service), () -> wanted(services.byId(service.id())));
    }

    private Map<String, List<String>> wanted(SelfServiceDetails service) {
        Map<String, List<String>> wanted = new HashMap<>();
        want(wanted, service, service.isMunicipal() ? links.linksOf(service.id()) : List.of());
        return wanted;
    }

    /**
     * {@link #watch(SelfServiceDetails)} for many self-services at once (a hundred or so): the municipal links of these
     * self-services read in one query, and one bulk write.
     */
    void watchAll(Collection<SelfServiceDetails> all) {
        List<UUID> municipal = all.stream().filter(SelfServiceDetails::isMunicipal).map(SelfServiceDetails::id).toList();
        Map<UUID, List<MunicipalLinkSummary>> linksByService = links.linksOf(municipal).stream()
                .collect(Collectors.groupingBy(MunicipalLinkSummary::selfServiceId));
        Map<String, List<String>> wanted = new HashMap<>();
        for (SelfServiceDetails service : all) {
            want(wanted, service, service.isMunicipal() ? linksByService.getOrDefault(service.id(), List.of()) : List.of());
        }
        checks.watchOnly(wanted);
    }

    private static void want(Map<String, List<String>> wanted, SelfServiceDetails service,
            List<MunicipalLinkSummary> itsLinks) {
        boolean live = service.status() == SelfServiceStatus.PUBLISHED;
        wanted.put(serviceWatcher(service.id()), live && service.url() != null ? List.of(service.url()) : List.of());
        itsLinks.forEach(link -> wantLink(wanted, link, live));
    }

    private static void wantLink(Map<String, List<String>> wanted, MunicipalLinkSummary link, boolean live) {
        wanted.put(linkWatcher(link.selfServiceId(), link.municipalityCode()),
                live && !link.isMissing() ? List.of(link.url()) : List.of());
    }
}
