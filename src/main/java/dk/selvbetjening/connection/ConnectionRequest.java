package dk.selvbetjening.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.SelfServiceScope;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A connection request; its methods are the workflow's transitions and refuse the illegal ones. */
@Entity
@Table(name = "connection_request")
class ConnectionRequest {

    /** The audit log's name for connection requests. */
    static final String AUDIT_TYPE = "tilslutning";

    @Id
    private UUID id;

    @Column(nullable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConnectionRequestStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConnectionRequestKind kind;

    @Column(name = "existing_service_id")
    private UUID existingServiceId;

    @Column(nullable = false)
    private String title;

    /** Null for a MUNICIPAL request: its links are per municipality. */
    private String url;

    @Column(name = "normalized_url")
    private String normalizedUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SelfServiceScope scope;

    @Column(name = "form_return_digital", nullable = false)
    private boolean formReturnDigital;

    @Column(name = "form_return_by_post", nullable = false)
    private boolean formReturnByPost;

    /** A MUNICIPAL request's links: municipality code → URL, for the municipalities the submitter knows. */
    @ElementCollection
    @CollectionTable(name = "connection_request_municipal_link", joinColumns = @JoinColumn(name = "request_id"))
    @MapKeyColumn(name = "municipality_code")
    @Column(name = "url", nullable = false)
    private Map<Integer, String> municipalLinks = new TreeMap<>();

    @Column(name = "short_description", nullable = false)
    private String shortDescription;

    @Column(name = "supplier_name", nullable = false)
    private String supplierName;

    @Column(name = "supplier_email", nullable = false)
    private String supplierEmail;

    @Column(name = "authority_cvr")
    private String authorityCvr;

    @Column(name = "authority_id")
    private UUID authorityId;

    @Column(name = "login_method")
    private String loginMethod;

    @Column(name = "service_kind")
    private String serviceKind;

    @ElementCollection
    @CollectionTable(name = "connection_request_topic", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "topic_slug", nullable = false)
    private Set<String> topics = new LinkedHashSet<>();

    @Column(name = "planned_go_live")
    private LocalDate plannedGoLive;

    @Column(name = "ap_title")
    private String apTitle;

    @Column(name = "ap_intro")
    private String apIntro;

    @ElementCollection
    @CollectionTable(name = "connection_request_before_you_start", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "item_order")
    @Column(name = "item", nullable = false)
    private List<String> apBeforeYouStart = new ArrayList<>();

    @Column(name = "ap_start_label")
    private String apStartLabel;

    @Column(name = "ap_continues_on")
    private String apContinuesOn;

    @Column(name = "ap_alternatives")
    private String apAlternatives;

    @Column(name = "ap_afterwards")
    private String apAfterwards;

    @Column(name = "ap_more_information")
    private String apMoreInformation;

    @Column(name = "ap_rules")
    private String apRules;

    @Column(name = "ap_fees")
    private String apFees;

    @Column(name = "ap_deadlines")
    private String apDeadlines;

    @Column(name = "ap_downtime_from")
    private Instant apDowntimeFrom;

    @Column(name = "ap_downtime_until")
    private Instant apDowntimeUntil;

    @Column(name = "ap_downtime_message")
    private String apDowntimeMessage;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    /** SHA-256 (hex) of the submission the idempotency key was first sent with; only that body gets the answer. */
    @Column(name = "idempotency_body_hash")
    private String idempotencyBodyHash;

    @Column(name = "created_service_id")
    private UUID createdServiceId;

    @Column(name = "published_at")
    private Instant publishedAt;

    /** When the request was closed: rejected, or its self-service published. Its status link expires from then. */
    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ConnectionRequest() {
    }

    ConnectionRequest(UUID id, String reference, ValidSubmission submission, String idempotencyKey,
            String idempotencyBodyHash, Instant now) {
        this.id = id;
        this.reference = reference;
        this.status = ConnectionRequestStatus.SUBMITTED;
        this.idempotencyKey = idempotencyKey;
        this.idempotencyBodyHash = idempotencyKey == null ? null : idempotencyBodyHash;
        this.submittedAt = now;
        apply(submission, now);
    }

    private void apply(ValidSubmission s, Instant now) {
        this.kind = s.kind();
        this.existingServiceId = s.existingServiceId();
        this.title = s.title();
        this.url = s.url();
        this.normalizedUrl = s.normalizedUrl();
        this.scope = s.scope();
        this.formReturnDigital = s.formReturn().contains(FormReturn.DIGITAL_SIGNED);
        this.formReturnByPost = s.formReturn().contains(FormReturn.POST);
        this.municipalLinks.clear();
        this.municipalLinks.putAll(s.municipalLinks());
        this.shortDescription = s.shortDescription();
        this.supplierName = s.supplierName();
        this.supplierEmail = s.supplierEmail();
        this.authorityCvr = s.authorityCvr();
        this.authorityId = s.authorityId();
        this.loginMethod = s.loginMethod();
        this.serviceKind = s.serviceKind();
        this.topics.clear();
        this.topics.addAll(s.topics());
        this.plannedGoLive = s.plannedGoLive();
        ActionPageContent ap = s.actionPage();
        this.apTitle = ap.title();
        this.apIntro = ap.intro();
        this.apBeforeYouStart.clear();
        this.apBeforeYouStart.addAll(ap.beforeYouStart());
        this.apStartLabel = ap.startLabel();
        this.apContinuesOn = ap.continuesOn();
        this.apAlternatives = ap.alternatives();
        this.apAfterwards = ap.afterwards();
        this.apMoreInformation = ap.moreInformation();
        this.apRules = ap.rules();
        this.apFees = ap.fees();
        this.apDeadlines = ap.deadlines();
        PlannedDowntime downtime = ap.plannedDowntime();
        this.apDowntimeFrom = downtime == null ? null : downtime.from();
        this.apDowntimeUntil = downtime == null ? null : downtime.until();
        this.apDowntimeMessage = downtime == null ? null : downtime.message();
        this.updatedAt = now;
    }

    void take(Instant now) {
        require(status == ConnectionRequestStatus.SUBMITTED, "connection.transition.take");
        status = ConnectionRequestStatus.IN_REVIEW;
        updatedAt = now;
    }

    void requestChanges(Instant now) {
        require(status == ConnectionRequestStatus.IN_REVIEW, "connection.transition.requestChanges");
        status = ConnectionRequestStatus.CHANGES_REQUESTED;
        updatedAt = now;
    }

    /** The submitter amends the request after changes were requested; it goes back into review. */
    void resubmit(ValidSubmission amended, Instant now) {
        require(status == ConnectionRequestStatus.CHANGES_REQUESTED, "connection.transition.resubmit");
        apply(amended, now);
        status = ConnectionRequestStatus.IN_REVIEW;
    }

    void reject(Instant now) {
        require(status == ConnectionRequestStatus.IN_REVIEW, "connection.transition.reject");
        status = ConnectionRequestStatus.REJECTED;
        closedAt = now;
        updatedAt = now;
    }

    /** Refuses, as {@link #approve} would, before anything is handed over to the catalogue. */
    void requireApprovable() {
        require(status == ConnectionRequestStatus.IN_REVIEW, "connection.transition.approve");
    }

    void approve(UUID serviceId, Instant now) {
        requireApprovable();
        status = ConnectionRequestStatus.APPROVED;
        createdServiceId = serviceId;
        updatedAt = now;
    }

    /** The self-service this request made or changed went live; only once, and only after approval. */
    void published(Instant now) {
        require(status == ConnectionRequestStatus.APPROVED && publishedAt == null, "connection.transition.publish");
        publishedAt = now;
        closedAt = now;
        updatedAt = now;
    }

    private void require(boolean allowed, String messageKey) {
        if (!allowed) {
            throw new TransitionRefused(messageKey, status);
        }
    }

    UUID id() {
        return id;
    }

    String reference() {
        return reference;
    }

    ConnectionRequestStatus status() {
        return status;
    }

    ConnectionRequestKind kind() {
        return kind;
    }

    UUID existingServiceId() {
        return existingServiceId;
    }

    UUID authorityId() {
        return authorityId;
    }

    String authorityCvr() {
        return authorityCvr;
    }

    /** The authority the request's CVR number names, registered after the request was submitted. */
    void linkAuthority(UUID authority) {
        require(authorityId == null && authorityCvr != null, "connection.transition.linkAuthority");
        authorityId = authority;
    }

    UUID createdServiceId() {
        return createdServiceId;
    }

    String supplierEmail() {
        return supplierEmail;
    }

    String title() {
        return title;
    }

    String url() {
        return url;
    }

    String normalizedUrl() {
        return normalizedUrl;
    }

    /** A MUNICIPAL request's links, municipality code → URL as submitted; empty for a NATIONAL one. */
    Map<Integer, String> municipalLinks() {
        return java.util.Collections.unmodifiableMap(municipalLinks);
    }

    long version() {
        return version;
    }

    /** Whether {@code bodyHash} is the hash of the body this request's idempotency key was first sent with. */
    boolean sentWithBody(String bodyHash) {
        return idempotencyBodyHash != null && bodyHash != null && MessageDigest.isEqual(
                idempotencyBodyHash.getBytes(StandardCharsets.US_ASCII),
                bodyHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether the request was closed (rejected or published) {@code lifetime} or longer before {@code now}. */
    boolean closedLongerThan(Duration lifetime, Instant now) {
        return closedAt != null && !now.isBefore(closedAt.plus(lifetime));
    }

    /** The proposed action page text; its elements are null where none is proposed. */
    ActionPageContent actionPage() {
        PlannedDowntime downtime = apDowntimeFrom == null ? null
                : new PlannedDowntime(apDowntimeFrom, apDowntimeUntil, apDowntimeMessage);
        return new ActionPageContent(apTitle, apIntro, List.copyOf(apBeforeYouStart), apStartLabel, apContinuesOn,
                apAlternatives, apAfterwards, apMoreInformation, apRules, apFees, apDeadlines, downtime);
    }

    SelfServiceScope scope() {
        return scope == null ? SelfServiceScope.NATIONAL : scope;
    }

    Set<FormReturn> formReturn() {
        Set<FormReturn> formReturn = EnumSet.noneOf(FormReturn.class);
        if (formReturnDigital) {
            formReturn.add(FormReturn.DIGITAL_SIGNED);
        }
        if (formReturnByPost) {
            formReturn.add(FormReturn.POST);
        }
        return formReturn;
    }

    /** The details; {@code duplicatesForEditors} only when the reader is an editor (else empty). */
    ConnectionRequestDetails toDetails(List<RequestMessage> messages, List<DuplicateWarning> duplicates,
            boolean forEditors) {
        return new ConnectionRequestDetails(id, reference, status, kind, existingServiceId, title, url,
                shortDescription, supplierName, supplierEmail, authorityCvr, authorityId, loginMethod, serviceKind,
                formReturn(), scope(), new TreeMap<>(municipalLinks), topics.stream().sorted().toList(), plannedGoLive,
                actionPage(), messages, PublicDuplicate.of(duplicates),
                forEditors ? List.copyOf(duplicates) : List.of(), createdServiceId, publishedAt, submittedAt,
                updatedAt, version);
    }

    Instant submittedAt() {
        return submittedAt;
    }

    ConnectionRequestSummary toSummary(boolean duplicate) {
        return new ConnectionRequestSummary(reference, status, kind, title, supplierName, authorityId, submittedAt,
                updatedAt, duplicate, publishedAt);
    }

    /** A transition the current status does not allow; {@code messageKey} explains it in Danish. */
    static final class TransitionRefused extends RuntimeException {

        private final String messageKey;
        private final ConnectionRequestStatus status;

        TransitionRefused(String messageKey, ConnectionRequestStatus status) {
            super(messageKey + " in " + status);
            this.messageKey = messageKey;
            this.status = status;
        }

        String messageKey() {
            return messageKey;
        }

        ConnectionRequestStatus status() {
            return status;
        }
    }
}
