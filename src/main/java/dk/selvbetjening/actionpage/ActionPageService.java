package dk.selvbetjening.actionpage;

import java.time.Instant;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.actionpage.diff.ActionPageDiff;
import dk.selvbetjening.actionpage.diff.FieldDiff;
import dk.selvbetjening.actionpage.guide.GuideChecks;
import dk.selvbetjening.actionpage.guide.GuideFinding;
import dk.selvbetjening.actionpage.guide.GuideReport;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.shared.SystemPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action page module's API: citizens read published revisions; authors save revisions (every save is one),
 * compare and restore them, and publish now or at a go-live time. Publishing is refused while a guide check of
 * severity ERROR fails. Changes are open to editors, to the editors of the authority that owns the self-service and to
 * the application itself ({@link SystemPrincipal}: demo content, the go-live job); with no authentication at all they
 * are refused.
 */
@Service
@Transactional(readOnly = true)
public class ActionPageService {

    private final ActionPageRepository pages;
    private final ActionPageRevisionRepository revisions;
    private final SelfServiceService services;
    private final GuideChecks checks;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    ActionPageService(ActionPageRepository pages, ActionPageRevisionRepository revisions, SelfServiceService services,
            GuideChecks checks, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.pages = pages;
        this.revisions = revisions;
        this.services = services;
        this.checks = checks;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The page citizens see: the published revision, if the page is published. */
    public Optional<ActionPageDetails> find(UUID selfServiceId) {
        return pages.findById(selfServiceId)
                .filter(page -> page.status() == ActionPageStatus.PUBLISHED && page.publishedRevision() != null)
                .flatMap(page -> revisions.findBySelfServiceIdAndNumber(selfServiceId, page.publishedRevision())
                        .map(revision -> new ActionPageDetails(selfServiceId, revision.content(),
                                page.publishedAt())));
    }

    /** Every published page (one query, and one per 100 pages for their items). */
    public List<ActionPageDetails> all() {
        return revisions.findAllPublished().stream().map(row -> {
            ActionPageRevision revision = (ActionPageRevision) row[0];
            ActionPage page = (ActionPage) row[1];
            return new ActionPageDetails(page.selfServiceId(), revision.content(), page.publishedAt());
        }).toList();
    }

    /**
     * The self-services whose action page is archived: taken down for good, so citizens see neither the page nor the
     * self-service (an unpublished page leaves the self-service with its short description). One query.
     */
    public Set<UUID> archived() {
        return Set.copyOf(pages.findSelfServiceIdsByStatus(ActionPageStatus.ARCHIVED));
    }

    /**
     * What citizens see of these self-services' action pages, in one query (keep the collection short: it becomes an IN
     * list): the published ones, as {@link #find} gives them, and which are archived.
     */
    public CitizenActionPages asCitizensSee(Collection<UUID> selfServiceIds) {
        if (selfServiceIds.isEmpty()) {
            return new CitizenActionPages(Map.of(), Set.of());
        }
        Map<UUID, ActionPageDetails> published = new HashMap<>();
        Set<UUID> archived = new HashSet<>();
        for (Object[] row : pages.findAsCitizensSee(selfServiceIds)) {
            ActionPage page = (ActionPage) row[0];
            ActionPageRevision revision = (ActionPageRevision) row[1];
            if (page.status() == ActionPageStatus.ARCHIVED) {
                archived.add(page.selfServiceId());
            } else if (revision != null) {
                published.put(page.selfServiceId(),
                        new ActionPageDetails(page.selfServiceId(), revision.content(), page.publishedAt()));
            }
        }
        return new CitizenActionPages(published, archived);
    }

    /** Where the page's workflow stands, if the self-service has a page. */
    public Optional<ActionPageState> state(UUID selfServiceId) {
        return pages.findById(selfServiceId).map(ActionPage::toState);
    }

    /** Where every page's workflow stands, by self-service (one query, for lists). */
    public java.util.Map<UUID, ActionPageState> states() {
        return pages.findAll().stream().collect(java.util.stream.Collectors.toMap(ActionPage::selfServiceId,
                ActionPage::toState));
    }

    /** The newest revision's text (what the editor opens), if the page has any. */
    public Optional<ActionPageContent> latest(UUID selfServiceId) {
        return pages.findById(selfServiceId).filter(page -> page.latestRevision() > 0)
                .flatMap(page -> revisions.findBySelfServiceIdAndNumber(selfServiceId, page.latestRevision()))
                .map(ActionPageRevision::content);
    }

    /** The newest revision's text when it is not what citizens see, i.e. a draft waiting to be published. */
    public Optional<ActionPageContent> draft(UUID selfServiceId) {
        return pages.findById(selfServiceId).filter(ActionPage::hasUnpublishedDraft)
                .flatMap(page -> latest(selfServiceId));
    }

    public ActionPageContent revision(UUID selfServiceId, int number) {
        return revisions.findBySelfServiceIdAndNumber(selfServiceId, number).map(ActionPageRevision::content)
                .orElseThrow(() -> new ActionPageNotFoundException("revision " + number + " of " + selfServiceId));
    }

    /** The page's revisions, newest first. */
    public List<ActionPageRevisionSummary> revisions(UUID selfServiceId) {
        Optional<ActionPage> page = pages.findById(selfServiceId);
        Integer published = page.map(ActionPage::publishedRevision).orElse(null);
        Integer scheduled = page.map(ActionPage::goLiveRevision).orElse(null);
        return revisions.findBySelfServiceIdOrderByNumberDesc(selfServiceId).stream()
                .map(revision -> revision.toSummary(published, scheduled)).toList();
    }

    /** Word-level differences from revision {@code from} to revision {@code to}, field by field. */
    public List<FieldDiff> diff(UUID selfServiceId, int from, int to) {
        return ActionPageDiff.between(revision(selfServiceId, from), revision(selfServiceId, to));
    }

    /** The guide's checks of any text, for a self-service with or without a mandatory wave. */
    public GuideReport check(ActionPageContent content, boolean mandatoryWave) {
        return checks.check(content, mandatoryWave);
    }

    /** The guide's checks of the page's newest revision. */
    public GuideReport checkLatest(UUID selfServiceId) {
        SelfServiceDetails service = services.byId(selfServiceId);
        return latest(selfServiceId).map(content -> checks.check(content, service.mandatoryWave() != null))
                .orElseGet(() -> checks.check(new ActionPageContent(null, null, List.of(), null, null, null, null,
                        null), service.mandatoryWave() != null));
    }

    /**
     * Saves and publishes at once, without the guide checks: for text that was already live elsewhere (demo
     * content). Everything written by people goes through {@link #saveDraft} and {@link #publish}.
     */
    @Transactional
    public ActionPageDetails write(UUID selfServiceId, ActionPageContent content) {
        int number = saveDraft(selfServiceId, content);
        ActionPage page = pages.findForUpdate(selfServiceId).orElseThrow();
        page.publish(number, clock.instant());
        audit.record(SelfServiceService.AUDIT_TYPE, selfServiceId, "audit.actionpage.published", "revision " + number);
        events.publishEvent(new ActionPageChanged(selfServiceId));
        return find(selfServiceId).orElseThrow();
    }

    /** Saves {@code content} as the page's newest revision; citizens see it once it is published. */
    @Transactional
    public int saveDraft(UUID selfServiceId, ActionPageContent content) {
        return saveDraft(selfServiceId, content, null);
    }

    /**
     * Saves {@code content} as the page's newest revision. {@code basedOn}, when given, is the revision the author
     * started from: if someone saved since, nothing is saved and {@link ActionPageConflictException} says so.
     */
    @Transactional
    public int saveDraft(UUID selfServiceId, ActionPageContent content, Integer basedOn) {
        requireMayEdit(selfServiceId);
        ActionPageRevision.validate(content);
        ActionPage page = pageForUpdate(selfServiceId);
        if (basedOn != null && basedOn != page.latestRevision()) {
            throw new ActionPageConflictException("actionpage.conflict.changed");
        }
        int number = next(page);
        revisions.save(new ActionPageRevision(selfServiceId, number, content, AuditLog.currentActor(),
                clock.instant(), null));
        audit.record(SelfServiceService.AUDIT_TYPE, selfServiceId, "audit.actionpage.saved", "revision " + number);
        return number;
    }

    /** Saves an older revision's text as the newest revision (the draft); the history keeps both. */
    @Transactional
    public int restore(UUID selfServiceId, int number) {
        requireMayEdit(selfServiceId);
        ActionPageContent content = revision(selfServiceId, number);
        ActionPage page = pageForUpdate(selfServiceId);
        int restored = next(page);
        revisions.save(new ActionPageRevision(selfServiceId, restored, content, AuditLog.currentActor(),
                clock.instant(), number));
        audit.record(SelfServiceService.AUDIT_TYPE, selfServiceId, "audit.actionpage.restored",
                "revision " + number + " som revision " + restored);
        return restored;
    }

    /**
     * Publishes the newest revision now, together with its self-service when citizens cannot see that yet (a draft)
     * or it has approved changes waiting: citizens then see both, or nothing changes. Refused while an ERROR check
     * fails ({@link ActionPagePublishRefusedException}), while the catalogue names something missing
     * ({@link dk.selvbetjening.catalogue.PublicationRefusedException}), for an archived self-service, and for an
     * authority's editor when the self-service itself is still a draft (only editors publish self-services).
     */
    @Transactional
    public ActionPageState publish(UUID selfServiceId) {
        requireMayEdit(selfServiceId);
        ActionPage page = requireOpen(existingForUpdate(selfServiceId));
        requireChecksPass(selfServiceId, page.latestRevision());
        publishServiceWithPage(selfServiceId);
        publish(page, page.latestRevision());
        return page.toState();
    }

    /**
     * Publishes the self-service as part of publishing its page, when it needs it and the caller may: a draft
     * service is published with the page or not at all; approved changes go along when the caller is an editor.
     */
    private void publishServiceWithPage(UUID selfServiceId) {
        SelfServiceDetails service = services.byId(selfServiceId);
        if (service.status() == SelfServiceStatus.ARCHIVED) {
            throw new ActionPageConflictException("actionpage.conflict.serviceArchived");
        }
        boolean draft = service.status() == SelfServiceStatus.DRAFT;
        if (draft && !mayPublishServices()) {
            throw new ActionPageConflictException("actionpage.conflict.serviceNotPublished");
        }
        if (draft || (mayPublishServices() && services.pendingChanges(selfServiceId).isPresent())) {
            services.publish(selfServiceId);
        }
    }

    /** Editors and the application publish self-services; an authority's editors do not. */
    public static boolean mayPublishServices() {
        return SystemPrincipal.isCurrent() || CurrentAccount.current().map(CurrentAccount::isEditor).orElse(false);
    }

    /** Publishes the newest revision if citizens do not see it yet (approving a connection request). */
    @Transactional
    public void publishDraft(UUID selfServiceId) {
        Optional<ActionPage> found = pages.findForUpdate(selfServiceId);
        if (found.isPresent() && found.get().hasUnpublishedDraft() && found.get().latestRevision() > 0
                && found.get().status() != ActionPageStatus.ARCHIVED) {
            requireMayEdit(selfServiceId);
            requireChecksPass(selfServiceId, found.get().latestRevision());
            publish(found.get(), found.get().latestRevision());
        }
    }

    /**
     * Schedules the newest revision to go live at {@code at} (idriftsættelse). The checks must pass now and are run
     * again at go-live. Later saves do not go live with it: the schedule names its revision.
     */
    @Transactional
    public ActionPageState schedule(UUID selfServiceId, Instant at) {
        requireMayEdit(selfServiceId);
        if (at == null || !at.isAfter(clock.instant())) {
            throw new ActionPageConflictException("actionpage.conflict.goLivePast");
        }
        ActionPage page = requireOpen(existingForUpdate(selfServiceId));
        requireChecksPass(selfServiceId, page.latestRevision());
        SelfServiceDetails service = services.byId(selfServiceId);
        if (service.status() == SelfServiceStatus.ARCHIVED) {
            throw new ActionPageConflictException("actionpage.conflict.serviceArchived");
        }
        if (service.status() == SelfServiceStatus.DRAFT && !mayPublishServices()) {
            throw new ActionPageConflictException("actionpage.conflict.serviceNotPublished");
        }
        page.schedule(page.latestRevision(), at, AuditLog.currentActor(), clock.instant());
        audit.record(SelfServiceService.AUDIT_TYPE, selfServiceId, "audit.actionpage.scheduled",
                "revision " + page.latestRevision() + " " + at);
        return page.toState();
    }

    /**
     * Schedules the newest revision to go live at {@code at} when it can be (the supplier's planned go-live date,
     * carried over at approval): a time in the future, an open page whose checks pass. Returns whether it did;
     * never throws for those reasons, so the caller's transaction goes on either way.
     */
    @Transactional
    public boolean scheduleIfReady(UUID selfServiceId, Instant at) {
        requireMayEdit(selfServiceId);
        Optional<ActionPage> found = pages.findForUpdate(selfServiceId);
        if (at == null || !at.isAfter(clock.instant()) || found.isEmpty()
                || found.get().status() == ActionPageStatus.ARCHIVED || found.get().latestRevision() == 0) {
            return false;
        }
        ActionPage page = found.get();
        GuideReport report = checks.check(revision(selfServiceId, page.latestRevision()),
                services.byId(selfServiceId).mandatoryWave() != null);
        if (report.blocksPublishing()) {
            return false;
        }
        page.schedule(page.latestRevision(), at, AuditLog.currentActor(), clock.instant());
        audit.record(SelfServiceService.AUDIT_TYPE, selfServiceId, "audit.actionpage.scheduled",
                "revision " + page.latestRevision() + " " + at);
        return true;
    }

    @Transactional
    public ActionPageState cancelSchedule(UUID selfServiceId) {
        requireMayEdit(selfServiceId);
        ActionPage page = existingForUpdate(selfServiceId);
        page.cancelSchedule();
        audit.record(SelfServiceService.AUDIT_TYPE, selfServiceId, "audit.actionpage.scheduleCancelled", null);
        return page.toState();
    }

    /** Takes the page down: citizens see the self-service's short description until it is published again. */
    @Transactional
    public ActionPageState unpublish(UUID selfServiceId) {
        requireMayEdit(selfServiceId);
        ActionPage page = existingForUpdate(selfServiceId);
        if (page.status() != ActionPageStatus.PUBLISHED) {
            throw new ActionPageConflictException("actionpage.conflict.notPublished");
        }
        page.unpublish(clock.instant());
        audit.record(SelfServiceService.AUDIT_TYPE, selfServiceId, "audit.actionpage.unpublished", null);
        events.publishEvent(new ActionPageChanged(selfServiceId));
        return page.toState();
    }

    /** Takes the page down for good and closes it for editing; its revisions are kept. */
    @Transactional
    public ActionPageState archive(UUID selfServiceId) {
        requireMayEdit(selfServiceId);
        ActionPage page = requireOpen(existingForUpdate(selfServiceId));
        page.archive(clock.instant());
        audit.record(SelfServiceService.AUDIT_TYPE, selfServiceId, "audit.actionpage.archived", null);
        events.publishEvent(new ActionPageChanged(selfServiceId));
        return page.toState();
    }

    /** The next scheduled go-live, if any (the go-live job sleeps until then). */
    public Optional<Instant> nextGoLive() {
        return pages.nextGoLive();
    }

    /** The pages whose go-live time has come. */
    public List<UUID> dueForGoLive() {
        return pages.findDue(clock.instant());
    }

    /**
     * Publishes the scheduled revision of one page whose go-live time has come. If its checks fail now, the schedule
     * is dropped and the refusal audited. Returns whether it went live.
     */
    @Transactional
    public boolean goLive(UUID selfServiceId) {
        requireMayEdit(selfServiceId);
        ActionPage page = pages.findForUpdate(selfServiceId).orElse(null);
        if (page == null || page.goLiveAt() == null || page.goLiveAt().isAfter(clock.instant())) {
            return false;
        }
        int revision = page.goLiveRevision();
        GuideReport report = checks.check(revision(selfServiceId, revision),
                services.byId(selfServiceId).mandatoryWave() != null);
        if (report.blocksPublishing()) {
            page.cancelSchedule();
            audit.record(SelfServiceService.AUDIT_TYPE, selfServiceId, "audit.actionpage.goLiveRefused",
                    report.errors().stream().map(GuideFinding::rule).toList().toString());
            return false;
        }
        SelfServiceDetails service = services.byId(selfServiceId);
        boolean withService = service.status() == SelfServiceStatus.DRAFT
                || (service.status() == SelfServiceStatus.PUBLISHED && services.pendingChanges(selfServiceId).isPresent());
        List<String> missing = withService ? services.publicationRefusals(selfServiceId) : List.of();
        if (service.status() == SelfServiceStatus.ARCHIVED || !missing.isEmpty()) {
            page.cancelSchedule();
            audit.record(SelfServiceService.AUDIT_TYPE, selfServiceId, "audit.actionpage.goLiveRefused",
                    service.status() == SelfServiceStatus.ARCHIVED ? "ARCHIVED" : String.join(" ", missing));
            return false;
        }
        if (withService) {
            services.publish(selfServiceId);
        }
        publish(page, revision);
        return true;
    }

    private void publish(ActionPage page, int revision) {
        page.publish(revision, clock.instant());
        audit.record(SelfServiceService.AUDIT_TYPE, page.selfServiceId(), "audit.actionpage.published",
                "revision " + revision);
        events.publishEvent(new ActionPageChanged(page.selfServiceId()));
    }

    private void requireChecksPass(UUID selfServiceId, int revision) {
        if (revision == 0) {
            throw new ActionPageConflictException("actionpage.conflict.nothingToPublish");
        }
        GuideReport report = checks.check(revision(selfServiceId, revision),
                services.byId(selfServiceId).mandatoryWave() != null);
        if (report.blocksPublishing()) {
            throw new ActionPagePublishRefusedException(report.errors());
        }
    }

    private ActionPage pageForUpdate(UUID selfServiceId) {
        return pages.findForUpdate(selfServiceId)
                .orElseGet(() -> pages.saveAndFlush(new ActionPage(selfServiceId, clock.instant())));
    }

    private ActionPage existingForUpdate(UUID selfServiceId) {
        return pages.findForUpdate(selfServiceId)
                .orElseThrow(() -> new ActionPageNotFoundException("action page of " + selfServiceId));
    }

    /** An archived page is closed: publishing, scheduling or archiving it again is a conflict, not an error. */
    private static ActionPage requireOpen(ActionPage page) {
        if (page.status() == ActionPageStatus.ARCHIVED) {
            throw new ActionPageConflictException("actionpage.conflict.archived");
        }
        return page;
    }

    private int next(ActionPage page) {
        if (page.status() == ActionPageStatus.ARCHIVED) {
            throw new ActionPageConflictException("actionpage.conflict.archived");
        }
        return page.nextRevision(clock.instant());
    }

    /**
     * Editors change every page, an authority's editors their authority's pages, the system principal all; anyone
     * else, and code with no authentication at all, none.
     */
    private void requireMayEdit(UUID selfServiceId) {
        SelfServiceDetails service = services.byId(selfServiceId);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (SystemPrincipal.is(authentication)) {
            return;
        }
        boolean allowed = authentication != null && authentication.isAuthenticated()
                && CurrentAccount.from(authentication).map(account -> account.mayActFor(service.authorityId()))
                        .orElse(false);
        if (!allowed) {
            throw new AccessDeniedException("This account may not change the action page of " + service.slug());
        }
    }

    /** Whether the logged-in account may change the action page of {@code service}. */
    public static boolean mayEdit(SelfServiceDetails service) {
        return CurrentAccount.current().map(account -> account.mayActFor(service.authorityId())).orElse(false);
    }
}
