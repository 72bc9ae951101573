package dk.selvbetjening.connection;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPagePublishRefusedException;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.guide.GuideFinding;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.CvrNumber;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.LoginMethodRefusedException;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.catalogue.ServiceChanges;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What an approved request becomes in the catalogue, in the caller's transaction: a NEW request a draft
 * self-service with its action page (a MUNICIPAL one with the municipal links the request knows), an EXISTING one
 * pending changes of its service; and, when published, what citizens see. The catalogue keeps the login rule: a
 * combination it refuses is refused as a transition, in its words.
 */
@Component
class CatalogueHandover {

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private final SelfServiceService services;
    private final ActionPageService actionPages;
    private final MunicipalLinkService municipalLinks;
    private final AuthorityService authorities;
    private final MessageSource messages;

    CatalogueHandover(SelfServiceService services, ActionPageService actionPages, MunicipalLinkService municipalLinks,
            AuthorityService authorities, MessageSource messages) {
        this.services = services;
        this.actionPages = actionPages;
        this.municipalLinks = municipalLinks;
        this.authorities = authorities;
        this.messages = messages;
    }

    /**
     * A NEW request submitted before its authority was registered finds it by its CVR number now (a retired one is
     * not linked).
     */
    void linkAuthorityByCvr(ConnectionRequest request) {
        if (request.kind() == ConnectionRequestKind.NEW && request.authorityId() == null
                && request.authorityCvr() != null) {
            authorities.authorityByCvr(new CvrNumber(request.authorityCvr())).filter(a -> !a.isRetired())
                    .ifPresent(a -> request.linkAuthority(a.id()));
        }
    }

    /**
     * Hands the approved request {@code d} over to the catalogue; returns the id of the self-service made or changed.
     *
     * @throws IllegalTransitionException no owning authority, a retired one, or a login method the rule refuses
     */
    UUID approve(ConnectionRequestDetails d) {
        try {
            return d.kind() == ConnectionRequestKind.NEW ? create(d) : change(d);
        } catch (LoginMethodRefusedException e) {
            throw new IllegalTransitionException(String.join(" ", e.reasons()));
        }
    }

    private UUID create(ConnectionRequestDetails d) {
        if (d.authorityId() == null) {
            throw new IllegalTransitionException(d.authorityCvr() == null
                    ? text("connection.transition.approveNoAuthority")
                    : text("connection.transition.approveUnknownAuthority", d.authorityCvr()));
        }
        AuthorityDetails owner = authorities.authority(d.authorityId());
        if (owner.isRetired()) {
            throw new IllegalTransitionException(text("connection.transition.approveRetiredAuthority", owner.name()));
        }
        SelfServiceKind kind = d.serviceKind() != null ? SelfServiceKind.valueOf(d.serviceKind())
                : SelfServiceKind.ONLINE;
        LoginMethod login = d.loginMethod() != null ? LoginMethod.valueOf(d.loginMethod())
                : kind == SelfServiceKind.FORM ? LoginMethod.NONE
                : owner.type().isPublic() ? LoginMethod.MITID_NEMLOGIN : LoginMethod.MITID_BROKER;
        SelfServiceDetails created = services.add(new NewSelfService(services.freeSlug(d.title()), d.title(),
                d.shortDescription(), kind, d.scope(), d.isMunicipal() ? null : d.url(), d.formReturn(),
                d.authorityId(), d.supplierName(), d.supplierEmail(), login, null, null, d.topics(), List.of(), false));
        actionPages.saveDraft(created.id(), actionPage(d));
        d.municipalLinks().forEach((code, url) -> municipalLinks.setLink(created.id(), code, url, null));
        scheduleGoLive(created.id(), d);
        return created.id();
    }

    private UUID change(ConnectionRequestDetails d) {
        UUID serviceId = d.existingServiceId();
        LoginMethod login = d.loginMethod() == null ? null : LoginMethod.valueOf(d.loginMethod());
        services.proposeChanges(serviceId, new ServiceChanges(d.title(), d.url(), d.shortDescription(),
                d.supplierName(), d.supplierEmail(), login));
        if (d.actionPage().hasText()) {
            actionPages.saveDraft(serviceId, actionPage(d));
        }
        scheduleGoLive(serviceId, d);
        return serviceId;
    }

    /**
     * Carries the supplier's planned go-live date into the editors' schedule: the draft goes live, with its
     * self-service, at the start of that day in Danish time. A draft that fails the guide's checks is not scheduled;
     * the editor then sees the date on the request and schedules it once the text is ready.
     */
    private void scheduleGoLive(UUID serviceId, ConnectionRequestDetails d) {
        if (d.plannedGoLive() != null) {
            actionPages.scheduleIfReady(serviceId, d.plannedGoLive().atStartOfDay(DANISH_TIME).toInstant());
        }
    }

    /**
     * Publishes the self-service with its action page draft: citizens see it from now on.
     *
     * @throws IllegalTransitionException the draft fails the development guide's checks
     * @throws dk.selvbetjening.catalogue.PublicationRefusedException the catalogue names something missing
     */
    SelfServiceDetails publish(UUID serviceId) {
        try {
            actionPages.publishDraft(serviceId);
        } catch (ActionPagePublishRefusedException e) {
            throw new IllegalTransitionException(text("connection.transition.publishGuide",
                    e.errors().stream().map(GuideFinding::message).collect(Collectors.joining(" "))));
        }
        return services.publish(serviceId);
    }

    /**
     * The self-service, when citizens see it as an approved request left it: published, with no approved changes
     * still waiting for its next publishing.
     */
    Optional<SelfServiceDetails> live(UUID serviceId) {
        SelfServiceDetails service = services.byId(serviceId);
        return service.status() == SelfServiceStatus.PUBLISHED && services.pendingChanges(serviceId).isEmpty()
                ? Optional.of(service) : Optional.empty();
    }

    /** The proposed text for the draft; without a proposal, the request's title and short description. */
    private static ActionPageContent actionPage(ConnectionRequestDetails d) {
        ActionPageContent t = d.actionPage();
        String title = t.title() != null ? t.title() : d.title();
        String intro = t.intro() != null ? t.intro() : d.shortDescription();
        return new ActionPageContent(title, intro, t.beforeYouStart(), t.startLabel(), t.continuesOn(),
                t.alternatives(), t.afterwards(), t.moreInformation(), t.rules(), t.fees(), t.deadlines(),
                t.plannedDowntime());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, DANISH);
    }
}
