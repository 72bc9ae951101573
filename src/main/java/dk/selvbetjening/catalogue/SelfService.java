package dk.selvbetjening.catalogue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "self_service")
class SelfService {

    static final int TITLE_MAX = 120;
    static final int SHORT_DESCRIPTION_MAX = 500;

    @Id
    private UUID id;

    @Column(nullable = false)
    private String slug;

    @Column(nullable = false)
    private String title;

    @Column(name = "short_description", nullable = false)
    private String shortDescription;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SelfServiceKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SelfServiceScope scope;

    private String url;

    /** {@link #url} as {@link ServiceUrl#normalize} compares it; null with the URL. */
    @Column(name = "normalized_url")
    private String normalizedUrl;

    @Column(name = "form_return_digital", nullable = false)
    private boolean formReturnDigital;

    @Column(name = "form_return_by_post", nullable = false)
    private boolean formReturnByPost;

    @Column(name = "authority_id", nullable = false)
    private UUID authorityId;

    @Column(name = "supplier_name")
    private String supplierName;

    @Column(name = "supplier_email")
    private String supplierEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "login_method", nullable = false)
    private LoginMethod loginMethod;

    @Column(name = "mandatory_wave")
    private Integer mandatoryWave;

    @Column(name = "kle_number")
    private String kleNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SelfServiceStatus status;

    @Column(nullable = false)
    private boolean demo;

    @ElementCollection
    @CollectionTable(name = "self_service_topic", joinColumns = @JoinColumn(name = "self_service_id"))
    @Column(name = "topic_slug", nullable = false)
    private Set<String> topics = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "self_service_keyword", joinColumns = @JoinColumn(name = "self_service_id"))
    @Column(name = "keyword", nullable = false)
    private Set<String> keywords = new LinkedHashSet<>();

    @Column(name = "pending_title")
    private String pendingTitle;

    @Column(name = "pending_url")
    private String pendingUrl;

    @Column(name = "pending_short_description")
    private String pendingShortDescription;

    @Column(name = "pending_supplier_name")
    private String pendingSupplierName;

    @Column(name = "pending_supplier_email")
    private String pendingSupplierEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "pending_login_method")
    private LoginMethod pendingLoginMethod;

    @Column(name = "has_pending_changes", nullable = false)
    private boolean hasPendingChanges;

    @Column(name = "start_when_link_broken", nullable = false)
    private boolean startWhenLinkBroken;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected SelfService() {
    }

    /** A new draft; refuses a combination the catalogue does not allow. */
    SelfService(UUID id, NewSelfService command, Instant now) {
        require(command.title() != null && !command.title().isBlank() && command.title().length() <= TITLE_MAX,
                "title must be 1-" + TITLE_MAX + " characters");
        require(command.shortDescription() != null && !command.shortDescription().isBlank()
                && command.shortDescription().length() <= SHORT_DESCRIPTION_MAX,
                "short description must be 1-" + SHORT_DESCRIPTION_MAX + " characters");
        require(command.kind() != null && command.scope() != null && command.loginMethod() != null,
                "kind, scope and login method are required");
        require(command.authorityId() != null, "an owning authority is required");
        Set<FormReturn> formReturn = command.formReturn() == null || command.formReturn().isEmpty()
                ? EnumSet.noneOf(FormReturn.class) : EnumSet.copyOf(command.formReturn());
        require((command.kind() == SelfServiceKind.FORM) == !formReturn.isEmpty(),
                "a form, and only a form, says how it may be returned");
        if (command.scope() == SelfServiceScope.NATIONAL) {
            require(ServiceUrl.isValid(command.url()), "a national solution needs an absolute http(s) URL");
        } else {
            require(command.url() == null, "a municipal solution has one URL per municipality, not one URL");
        }
        if (command.mandatoryWave() != null) {
            new MandatoryWave(command.mandatoryWave());
        }
        if (command.kleNumber() != null) {
            new KleNumber(command.kleNumber());
        }
        this.id = id;
        this.slug = new Slug(command.slug()).value();
        this.title = command.title().strip();
        this.shortDescription = command.shortDescription().strip();
        this.kind = command.kind();
        this.scope = command.scope();
        changeUrl(command.url());
        this.formReturnDigital = formReturn.contains(FormReturn.DIGITAL_SIGNED);
        this.formReturnByPost = formReturn.contains(FormReturn.POST);
        this.authorityId = command.authorityId();
        this.supplierName = command.supplierName();
        this.supplierEmail = command.supplierEmail();
        this.loginMethod = command.loginMethod();
        this.mandatoryWave = command.mandatoryWave();
        this.kleNumber = command.kleNumber();
        this.topics.addAll(command.topics() == null ? List.of() : command.topics());
        this.keywords.addAll(command.keywords() == null ? List.of() : command.keywords());
        this.status = SelfServiceStatus.DRAFT;
        this.demo = command.demo();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Publishes the service, with its pending changes if it has any. */
    void publish(Instant now) {
        if (status == SelfServiceStatus.ARCHIVED) {
            throw new IllegalStateException("An archived self-service cannot be published");
        }
        if (hasPendingChanges) {
            title = pendingTitle;
            changeUrl(scope == SelfServiceScope.NATIONAL ? pendingUrl : url);
            shortDescription = pendingShortDescription;
            supplierName = pendingSupplierName;
            supplierEmail = pendingSupplierEmail;
            loginMethod = pendingLoginMethod != null ? pendingLoginMethod : loginMethod;
            clearPending();
        }
        status = SelfServiceStatus.PUBLISHED;
        updatedAt = now;
    }

    /** Records approved changes that take effect when the service is next published. */
    void proposeChanges(ServiceChanges changes, Instant now) {
        require(changes.title() != null && !changes.title().isBlank() && changes.title().length() <= TITLE_MAX,
                "title must be 1-" + TITLE_MAX + " characters");
        require(changes.shortDescription() != null && !changes.shortDescription().isBlank()
                && changes.shortDescription().length() <= SHORT_DESCRIPTION_MAX,
                "short description must be 1-" + SHORT_DESCRIPTION_MAX + " characters");
        require(scope != SelfServiceScope.NATIONAL || ServiceUrl.isValid(changes.url()),
                "a national solution needs an absolute http(s) URL");
        pendingTitle = changes.title().strip();
        pendingUrl = changes.url();
        pendingShortDescription = changes.shortDescription().strip();
        pendingSupplierName = changes.supplierName();
        pendingSupplierEmail = changes.supplierEmail();
        pendingLoginMethod = changes.loginMethod();
        hasPendingChanges = true;
        updatedAt = now;
    }

    private void changeUrl(String newUrl) {
        url = newUrl;
        normalizedUrl = newUrl == null ? null : ServiceUrl.normalize(newUrl);
    }

    private void clearPending() {
        pendingTitle = null;
        pendingUrl = null;
        pendingShortDescription = null;
        pendingSupplierName = null;
        pendingSupplierEmail = null;
        pendingLoginMethod = null;
        hasPendingChanges = false;
    }

    java.util.Optional<ServiceChanges> pendingChanges() {
        return hasPendingChanges ? java.util.Optional.of(new ServiceChanges(pendingTitle, pendingUrl,
                pendingShortDescription, pendingSupplierName, pendingSupplierEmail, pendingLoginMethod))
                : java.util.Optional.empty();
    }

    /** Whether a municipality's broken link still shows the start button (else: the municipality's contact). */
    void startWhenLinkBroken(boolean value, Instant now) {
        startWhenLinkBroken = value;
        updatedAt = now;
    }

    void archive(Instant now) {
        status = SelfServiceStatus.ARCHIVED;
        updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String normalizedUrl() {
        return normalizedUrl;
    }

    UUID authorityId() {
        return authorityId;
    }

    SelfServiceDetails toDetails() {
        Set<FormReturn> formReturn = EnumSet.noneOf(FormReturn.class);
        if (formReturnDigital) {
            formReturn.add(FormReturn.DIGITAL_SIGNED);
        }
        if (formReturnByPost) {
            formReturn.add(FormReturn.POST);
        }
        return new SelfServiceDetails(id, slug, title, shortDescription, kind, scope, url, formReturn, authorityId,
                supplierName, supplierEmail, loginMethod, mandatoryWave, kleNumber,
                topics.stream().sorted().toList(), keywords.stream().sorted().toList(), status, demo,
                startWhenLinkBroken, updatedAt);
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(rule);
        }
    }
}
