package dk.selvbetjening.catalogue;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.shared.SystemPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue module's API: self-services and topics. */
@Service
@Transactional(readOnly = true)
public class SelfServiceService {

    /** Who writes the catalogue's content: the portal's editors, and the application itself (jobs, demo). */
    private static final String EDITORS_AND_SYSTEM = "hasAnyRole('EDITOR', '" + SystemPrincipal.ROLE + "')";

    /** The audit log's name for self-services. */
    public static final String AUDIT_TYPE = "selvbetjening";
    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final int URLS_PER_QUERY = 1000;

    private final SelfServiceRepository services;
    private final TopicRepository topics;
    private final AuthorityService authorities;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<PublicationGate> gates;
    private final MessageSource messages;

    SelfServiceService(SelfServiceRepository services, TopicRepository topics, AuthorityService authorities,
            ApplicationEventPublisher events, AuditLog audit, Clock clock, ObjectProvider<PublicationGate> gates,
            MessageSource messages) {
        this.gates = gates;
        this.messages = messages;
        this.audit = audit;
        this.services = services;
        this.topics = topics;
        this.authorities = authorities;
        this.events = events;
        this.clock = clock;
    }

    /** The 17 topics in the portal's order. */
    public List<TopicSummary> topics() {
        return topics.findAllByOrderBySortOrderAsc().stream().map(Topic::toSummary).toList();
    }

    /** Every published self-service, by title. */
    public List<SelfServiceDetails> published() {
        return services.findByStatusOrderByTitleAsc(SelfServiceStatus.PUBLISHED).stream()
                .map(SelfService::toDetails).toList();
    }

    /** Those of these self-services that are published (one query; keep the collection short: it becomes an IN list). */
    public List<SelfServiceDetails> published(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : services.findByIdInAndStatus(ids, SelfServiceStatus.PUBLISHED).stream().map(SelfService::toDetails)
                        .toList();
    }

    /** Every self-service whatever its status (drafts, published, archived), by title. */
    public List<SelfServiceDetails> all() {
        return services.findAllByOrderByTitleAsc().stream().map(SelfService::toDetails).toList();
    }

    public Optional<SelfServiceDetails> bySlug(String slug) {
        return services.findBySlug(slug).map(SelfService::toDetails);
    }

    public SelfServiceDetails byId(UUID id) {
        return services.findById(id).map(SelfService::toDetails)
                .orElseThrow(() -> new SelfServiceNotFoundException(id));
    }

    /** The mandatory (wave 1-4) self-services not archived, by title. */
    public List<SelfServiceDetails> mandatory() {
        return services.findAll().stream().map(SelfService::toDetails)
                .filter(s -> s.mandatoryWave() != null && s.status() != SelfServiceStatus.ARCHIVED)
                .sorted(java.util.Comparator.comparing(SelfServiceDetails::title)).toList();
    }

    public long count() {
        return services.count();
    }

    /**
     * Adds a draft; refuses unknown topics, an unknown authority, a taken slug or a combination not allowed.
     *
     * Editors add (approving a connection request), and the application itself (demo content); nobody else.
     *
     * @throws LoginMethodRefusedException a private owner's solution with NemLog-in ({@link LoginRule})
     */
    @Transactional
    @PreAuthorize(EDITORS_AND_SYSTEM)
    public SelfServiceDetails add(NewSelfService command) {
        requireLoginRule(command.slug(), authorities.authority(command.authorityId()), command.loginMethod());
        Set<String> known = topics.findAll().stream().map(t -> t.toSummary().slug()).collect(Collectors.toSet());
        List<String> unknown = command.topics() == null ? List.of()
                : command.topics().stream().filter(t -> !known.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown topics " + unknown);
        }
        if (command.slug() != null && services.existsBySlug(command.slug())) {
            throw new IllegalArgumentException("The slug " + command.slug() + " is taken");
        }
        SelfService service = services.save(new SelfService(UUID.randomUUID(), command, clock.instant()));
        audit.record(AUDIT_TYPE, service.id(), "audit.catalogue.created", command.title());
        events.publishEvent(new SelfServiceChanged(service.id()));
        return service.toDetails();
    }

    /**
     * The self-services whose URL is {@code normalizedUrl} once normalized ({@link ServiceUrl#normalize}: compared
     * without case of scheme and host, fragment or trailing slash), by title; one query.
     */
    public List<SelfServiceDetails> withNormalizedUrl(String normalizedUrl) {
        return normalizedUrl == null ? List.of() : services.findByNormalizedUrlOrderByTitleAsc(normalizedUrl).stream()
                .map(SelfService::toDetails).toList();
    }

    /**
     * Which of {@code normalizedUrls} are self-services' URLs: each such URL with the ids of the services that have
     * it. One query per {@value #URLS_PER_QUERY} URLs, however many services there are.
     */
    public Map<String, Set<UUID>> idsByNormalizedUrl(Collection<String> normalizedUrls) {
        List<String> wanted = normalizedUrls.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, Set<UUID>> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += URLS_PER_QUERY) {
            services.findByNormalizedUrlIn(wanted.subList(from, Math.min(wanted.size(), from + URLS_PER_QUERY)))
                    .forEach(s -> found.computeIfAbsent(s.normalizedUrl(), url -> new HashSet<>()).add(s.id()));
        }
        return found;
    }

    /** A free slug for {@code title}: its slug, or with "-2", "-3", … appended. */
    public String freeSlug(String title) {
        String base = Slug.of(title).value();
        String candidate = base;
        for (int n = 2; services.existsBySlug(candidate); n++) {
            candidate = base.length() > 110 ? base.substring(0, 110) + "-" + n : base + "-" + n;
        }
        return candidate;
    }

    /** Changes approved for a service, waiting for its next publishing. */
    public Optional<ServiceChanges> pendingChanges(UUID id) {
        return services.findById(id).flatMap(SelfService::pendingChanges);
    }

    /**
     * Records approved changes, published with the service's next publishing.
     *
     * Editors only (approving a connection request), and the application itself.
     *
     * @throws LoginMethodRefusedException the changes give a private owner's solution NemLog-in ({@link LoginRule})
     */
    @Transactional
    @PreAuthorize(EDITORS_AND_SYSTEM)
    public void proposeChanges(UUID id, ServiceChanges changes) {
        SelfService service = services.findById(id).orElseThrow(() -> new SelfServiceNotFoundException(id));
        SelfServiceDetails current = service.toDetails();
        requireLoginRule(current.slug(), authorities.authority(current.authorityId()), changes.loginMethod());
        service.proposeChanges(changes, clock.instant());
        audit.record(AUDIT_TYPE, id, "audit.catalogue.changesPending", changes.title() + " " + changes.url());
        events.publishEvent(new SelfServiceChanged(id));
    }

    /**
     * What is still missing before the service may be published, as {@link PublicationGate}s name it in Danish;
     * empty when nothing is. Asks without changing anything, so a caller can refuse before it writes.
     */
    public List<String> publicationRefusals(UUID id) {
        SelfServiceDetails current = byId(id);
        return gates.orderedStream().flatMap(gate -> gate.refusals(current).stream()).toList();
    }

    /**
     * Publishes the service (applying pending changes); it is then shown to citizens.
     *
     * Editors only, and the application itself.
     *
     * @throws PublicationRefusedException when a {@link PublicationGate} names something missing; nothing changes
     */
    @Transactional
    @PreAuthorize(EDITORS_AND_SYSTEM)
    public SelfServiceDetails publish(UUID id) {
        SelfService service = services.findById(id).orElseThrow(() -> new SelfServiceNotFoundException(id));
        SelfServiceDetails current = service.toDetails();
        List<String> refusals = gates.orderedStream().flatMap(gate -> gate.refusals(current).stream()).toList();
        if (!refusals.isEmpty()) {
            throw new PublicationRefusedException(current.slug(), refusals);
        }
        service.publish(clock.instant());
        audit.record(AUDIT_TYPE, id, "audit.catalogue.published", null);
        events.publishEvent(new SelfServiceChanged(id));
        return service.toDetails();
    }

    private void requireLoginRule(String slug, AuthorityDetails owner, LoginMethod method) {
        LoginRule rule = LoginRule.of(owner.type(), method);
        if (rule.refuses()) {
            throw new LoginMethodRefusedException(slug, messages.getMessage(rule.messageKey(), null, DANISH));
        }
    }

    /** Whether a municipality's BROKEN link still shows the start button for this self-service. */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public SelfServiceDetails setStartWhenLinkBroken(UUID id, boolean value) {
        SelfService service = services.findById(id).orElseThrow(() -> new SelfServiceNotFoundException(id));
        service.startWhenLinkBroken(value, clock.instant());
        audit.record(AUDIT_TYPE, id, value ? "audit.catalogue.startWhenLinkBroken" : "audit.catalogue.contactWhenLinkBroken", null);
        events.publishEvent(new SelfServiceChanged(id));
        return service.toDetails();
    }

    /**
     * Takes the service out of the catalogue for good: editors and the application archive any, an authority's
     * editors their own authority's; anyone else is refused ({@link AccessDeniedException}).
     */
    @Transactional
    public SelfServiceDetails archive(UUID id) {
        SelfService service = services.findById(id).orElseThrow(() -> new SelfServiceNotFoundException(id));
        if (!SystemPrincipal.isCurrent()
                && !CurrentAccount.current().map(a -> a.mayActFor(service.authorityId())).orElse(false)) {
            throw new AccessDeniedException("This account may not archive the self-service " + id);
        }
        service.archive(clock.instant());
        audit.record(AUDIT_TYPE, id, "audit.catalogue.archived", null);
        events.publishEvent(new SelfServiceChanged(id));
        return service.toDetails();
    }
}
