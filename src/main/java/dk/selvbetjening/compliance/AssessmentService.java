package dk.selvbetjening.compliance;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.compliance.report.SignOffGroup;
import dk.selvbetjening.compliance.report.SignOffReport;
import dk.selvbetjening.compliance.report.SignOffRow;
import dk.selvbetjening.compliance.requirement.RequirementCatalogue;
import dk.selvbetjening.compliance.requirement.RequirementDetails;
import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments of self-services against the requirement catalogue: the owning authority answers, an editor verifies
 * or questions each answer and may grant an exemption, and the authority signs off its mandatory solutions each year.
 * Every change is audited. Who may do what: see {@link ComplianceRights}.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentService {

    static final String AUDIT_TYPE = "vurdering";
    static final int TEXT_MAX = 2000;
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final AssessmentRepository assessments;
    private final ExemptionRepository exemptions;
    private final ReadinessSignOffRepository signOffs;
    private final RequirementCatalogue catalogue;
    private final SelfServiceService services;
    private final AuthorityService authorities;
    private final ComplianceRights rights;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    AssessmentService(AssessmentRepository assessments, ExemptionRepository exemptions,
            ReadinessSignOffRepository signOffs, RequirementCatalogue catalogue, SelfServiceService services,
            AuthorityService authorities, ComplianceRights rights, MessageSource messages, AuditLog audit,
            Clock clock) {
        this.assessments = assessments;
        this.exemptions = exemptions;
        this.signOffs = signOffs;
        this.catalogue = catalogue;
        this.services = services;
        this.authorities = authorities;
        this.rights = rights;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The assessment of the self-service with this slug, for whoever may see it: anyone when the service is
     * published, otherwise editors and the owning authority's editors. Anyone else is told it does not exist.
     */
    public AssessmentDetails visible(String slug) {
        SelfServiceDetails service = services.bySlug(slug).orElseThrow(() -> new SelfServiceNotFoundException(slug));
        if (service.status() != SelfServiceStatus.PUBLISHED && !rights.mayActFor(service.authorityId())) {
            throw new SelfServiceNotFoundException(slug);
        }
        return details(service);
    }

    /** The assessment of a self-service the caller may act for (404 otherwise): the backoffice's view. */
    public AssessmentDetails forAccount(String slug) {
        SelfServiceDetails service = services.bySlug(slug).orElseThrow(() -> new SelfServiceNotFoundException(slug));
        if (!rights.mayActFor(service.authorityId())) {
            throw new SelfServiceNotFoundException(slug);
        }
        return details(service);
    }

    /** The assessment of a mandatory solution the caller may act for; empty for any other service. */
    public Optional<AssessmentDetails> ofMandatory(UUID serviceId) {
        SelfServiceDetails service = services.byId(serviceId);
        return service.mandatoryWave() != null && rights.mayActFor(service.authorityId())
                ? Optional.of(details(service)) : Optional.empty();
    }

    /** May the caller answer this service's assessment and sign it off? */
    public boolean mayAnswer(SelfServiceDetails service) {
        return rights.mayActFor(service.authorityId());
    }

    /** May the caller review answers, grant exemptions and change the catalogue? */
    public boolean mayReview() {
        return rights.isEditor();
    }

    /** Whether the self-service may be published as far as the requirements go. */
    public Readiness readiness(SelfServiceDetails service) {
        return readiness(service, rows(service, assessments.findBySelfServiceId(service.id())), today());
    }

    /** {@link Readiness#unmet()} as Danish sentences, one per requirement, then why an exemption does not apply. */
    public List<String> missing(Readiness readiness) {
        List<String> missing = new ArrayList<>();
        for (RequirementAssessment row : readiness.unmet()) {
            missing.add(text("compliance.missing", row.requirement().number(), row.requirement().title(),
                    text("compliance.state." + row.state())));
        }
        return missing;
    }

    /** The mandatory solutions the caller may act for, each with its assessment. */
    public List<AssessmentDetails> mandatory() {
        return services.mandatory().stream().filter(s -> rights.mayActFor(s.authorityId())).map(this::details)
                .toList();
    }

    /**
     * Records answers (the owning authority's editors, or an editor). Each answer is recorded against the current
     * wording of its requirement; answers not given are kept. {@code expectedVersion}: the version the caller read
     * (-1 before the first answer), or null not to check.
     *
     * @throws InvalidInputException naming each field to fix; nothing is recorded
     */
    @Transactional
    public AssessmentDetails answer(UUID serviceId, Long expectedVersion, List<AnswerInput> answers) {
        SelfServiceDetails service = services.byId(serviceId);
        rights.requireMayActFor(service.authorityId());
        Map<String, RequirementDetails> inForce = new LinkedHashMap<>();
        catalogue.inForce().forEach(r -> inForce.put(r.number(), r));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Answer> given = new LinkedHashMap<>();
        var now = clock.instant();
        for (AnswerInput input : answers) {
            String number = input.requirement() == null ? "" : input.requirement().strip();
            RequirementDetails requirement = inForce.get(number);
            if (requirement == null) {
                errors.put("requirement_" + number, "compliance.answer.error.requirement");
                continue;
            }
            if (input.status() == null) {
                errors.put("status_" + number, "compliance.answer.error.status");
                continue;
            }
            String justification = blankToNull(input.justification());
            String evidence = blankToNull(input.evidenceUrl());
            if (input.status() == AnswerStatus.NOT_RELEVANT && justification == null) {
                errors.put("justification_" + number, "compliance.answer.error.reason");
            } else if (justification != null && justification.length() > TEXT_MAX) {
                errors.put("justification_" + number, "compliance.answer.error.justificationLong");
            }
            if (evidence != null && !isWebAddress(evidence)) {
                errors.put("evidence_" + number, "compliance.answer.error.evidence");
            }
            if (!errors.isEmpty()) {
                continue;
            }
            given.put(number, new Answer(requirement.wordingRevision(), input.status(), justification, evidence, now,
                    rights.actor()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Optional<Assessment> existing = assessments.findBySelfServiceId(serviceId);
        long current = existing.map(Assessment::version).orElse(-1L);
        Assessment assessment = existing
                .orElseGet(() -> new Assessment(UUID.randomUUID(), serviceId, catalogue.version(), now, rights.actor()));
        if (expectedVersion != null && expectedVersion != current) {
            throw new ObjectOptimisticLockingFailureException(Assessment.class, serviceId);
        }
        assessment.answer(given, catalogue.version(), now, rights.actor());
        assessments.saveAndFlush(assessment);
        audit.record(AUDIT_TYPE, serviceId, "audit.compliance.answered", String.join(", ", given.keySet()),
                catalogue.version());
        return details(service);
    }

    /** An editor verifies an answer, or questions it with a note the authority sees. */
    @Transactional
    public AssessmentDetails review(UUID serviceId, String number, AnswerReview outcome, String note) {
        rights.requireEditor();
        SelfServiceDetails service = services.byId(serviceId);
        Assessment assessment = assessments.findBySelfServiceId(serviceId)
                .filter(a -> a.answers().containsKey(number))
                .orElseThrow(() -> new InvalidInputException(Map.of("requirement_" + number,
                        "compliance.review.error.noAnswer")));
        String text = blankToNull(note);
        if (outcome == AnswerReview.QUESTIONED && text == null) {
            throw new InvalidInputException(Map.of("note_" + number, "compliance.review.error.note"));
        }
        if (text != null && text.length() > TEXT_MAX) {
            throw new InvalidInputException(Map.of("note_" + number, "compliance.review.error.noteLong"));
        }
        if (outcome == AnswerReview.UNREVIEWED) {
            throw new InvalidInputException(Map.of("requirement_" + number, "compliance.review.error.outcome"));
        }
        assessment.review(number, outcome, text, clock.instant(), rights.actor());
        assessments.saveAndFlush(assessment);
        audit.record(AUDIT_TYPE, serviceId, outcome == AnswerReview.VERIFIED ? "audit.compliance.verified"
                : "audit.compliance.questioned", text, number);
        return details(service);
    }

    /** An editor verifies every answer not reviewed yet. */
    @Transactional
    public AssessmentDetails verifyAll(UUID serviceId) {
        rights.requireEditor();
        SelfServiceDetails service = services.byId(serviceId);
        assessments.findBySelfServiceId(serviceId).ifPresent(assessment -> {
            List<String> verified = assessment.verifyUnreviewed(clock.instant(), rights.actor());
            if (!verified.isEmpty()) {
                assessments.saveAndFlush(assessment);
                audit.record(AUDIT_TYPE, serviceId, "audit.compliance.verified", null, String.join(", ", verified));
            }
        });
        return details(service);
    }

    /** An editor lets a mandatory solution be published without meeting every requirement, until a day. */
    @Transactional
    public AssessmentDetails grantExemption(UUID serviceId, String reason, LocalDate validUntil) {
        rights.requireEditor();
        SelfServiceDetails service = services.byId(serviceId);
        Map<String, String> errors = new LinkedHashMap<>();
        String why = blankToNull(reason);
        if (why == null) {
            errors.put("reason", "compliance.exemption.error.reason");
        } else if (why.length() > Exemption.REASON_MAX) {
            errors.put("reason", "compliance.exemption.error.reasonLong");
        }
        if (validUntil == null) {
            errors.put("validUntil", "compliance.exemption.error.validUntil");
        } else if (validUntil.isBefore(today())) {
            errors.put("validUntil", "compliance.exemption.error.past");
        } else if (validUntil.isAfter(today().plusYears(3))) {
            errors.put("validUntil", "compliance.exemption.error.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        exemptions.save(new Exemption(UUID.randomUUID(), serviceId, why, validUntil, clock.instant(), rights.actor()));
        audit.record(AUDIT_TYPE, serviceId, "audit.compliance.exemptionGranted", why, validUntil);
        return details(service);
    }

    @Transactional
    public AssessmentDetails revokeExemption(UUID serviceId, UUID exemptionId) {
        rights.requireEditor();
        SelfServiceDetails service = services.byId(serviceId);
        Exemption exemption = exemptions.findById(exemptionId).filter(e -> e.selfServiceId().equals(serviceId))
                .orElseThrow(() -> new InvalidInputException(Map.of("exemption", "compliance.exemption.error.unknown")));
        exemption.revoke(clock.instant(), rights.actor());
        audit.record(AUDIT_TYPE, serviceId, "audit.compliance.exemptionRevoked", null);
        return details(service);
    }

    /**
     * Signs off a mandatory solution for the current year (the owning authority's editors, or an editor). A second
     * sign-off in the same year changes nothing.
     *
     * @throws SignOffRefusedException listing what is missing when it may not be signed off
     */
    @Transactional
    public AssessmentDetails signOff(UUID serviceId) {
        SelfServiceDetails service = services.byId(serviceId);
        rights.requireMayActFor(service.authorityId());
        if (service.mandatoryWave() == null) {
            throw new SignOffRefusedException(List.of(text("compliance.signOff.notMandatory")));
        }
        Readiness readiness = readiness(service);
        if (!readiness.passes()) {
            throw new SignOffRefusedException(missing(readiness));
        }
        int year = today().getYear();
        if (signOffs.findBySelfServiceIdAndYear(serviceId, year).isEmpty()) {
            signOffs.saveAndFlush(new ReadinessSignOff(UUID.randomUUID(), serviceId, year, catalogue.version(),
                    clock.instant(), rights.actor()));
            audit.record(AUDIT_TYPE, serviceId, "audit.compliance.signedOff", service.title(), year);
        }
        return details(service);
    }

    /**
     * The readiness sign-off of {@code year}: every mandatory solution the caller may act for, counted per authority,
     * per wave and in all. States are judged by today's answers and exemptions against that year's sign-offs.
     */
    public SignOffReport report(int year) {
        LocalDate today = today();
        Map<UUID, ReadinessSignOff> signed = new LinkedHashMap<>();
        signOffs.findByYear(year).forEach(s -> signed.put(s.selfServiceId(), s));
        Map<UUID, String> authorityNames = new LinkedHashMap<>();
        List<SignOffRow> rows = new ArrayList<>();
        for (SelfServiceDetails service : services.mandatory()) {
            if (!rights.mayActFor(service.authorityId())) {
                continue;
            }
            String authorityName = authorityNames.computeIfAbsent(service.authorityId(),
                    id -> authorities.authority(id).name());
            Readiness readiness = readiness(service, rows(service, assessments.findBySelfServiceId(service.id())),
                    today);
            SignOffDetails signOff = Optional.ofNullable(signed.get(service.id())).map(ReadinessSignOff::toDetails)
                    .orElse(null);
            SignOffState state = SignOffState.of(readiness, signOff);
            rows.add(new SignOffRow(service, authorityName, service.mandatoryWave(), state, signOff,
                    readiness.exemption(), state == SignOffState.FAILING ? missing(readiness) : List.of()));
        }
        rows.sort(Comparator.comparing(SignOffRow::authorityName).thenComparing(r -> r.service().title()));
        return new SignOffReport(year, rows, groups(rows, SignOffRow::authorityName),
                groups(rows, r -> text("compliance.wave", r.wave())), count(text("compliance.report.total"), rows));
    }

    private static List<SignOffGroup> groups(List<SignOffRow> rows, Function<SignOffRow, String> key) {
        Map<String, List<SignOffRow>> grouped = new TreeMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return grouped.entrySet().stream().map(e -> count(e.getKey(), e.getValue())).toList();
    }

    private static SignOffGroup count(String label, List<SignOffRow> rows) {
        int signedOff = 0;
        int pending = 0;
        int failing = 0;
        for (SignOffRow row : rows) {
            switch (row.state()) {
                case SIGNED_OFF -> signedOff++;
                case PENDING -> pending++;
                case FAILING -> failing++;
            }
        }
        return new SignOffGroup(label, signedOff, pending, failing);
    }

    private AssessmentDetails details(SelfServiceDetails service) {
        Optional<Assessment> assessment = assessments.findBySelfServiceId(service.id());
        LocalDate today = today();
        List<RequirementAssessment> rows = rows(service, assessment);
        Readiness readiness = readiness(service, rows, today);
        int year = today.getYear();
        SignOffDetails signOff = signOffs.findBySelfServiceIdAndYear(service.id(), year)
                .map(ReadinessSignOff::toDetails).orElse(null);
        List<ExemptionDetails> granted = exemptions.findBySelfServiceIdOrderByGrantedAtDesc(service.id()).stream()
                .map(e -> e.toDetails(today)).toList();
        return new AssessmentDetails(service, authorities.authority(service.authorityId()).name(),
                assessment.map(Assessment::catalogueVersion).orElse(null), catalogue.version(),
                assessment.map(Assessment::version).orElse(-1L), assessment.map(Assessment::updatedAt).orElse(null),
                assessment.map(Assessment::updatedBy).orElse(null), rows, readiness, granted, year, signOff,
                service.mandatoryWave() == null ? null : SignOffState.of(readiness, signOff));
    }

    private List<RequirementAssessment> rows(SelfServiceDetails service, Optional<Assessment> assessment) {
        Map<String, Answer> answers = assessment.map(Assessment::answers).orElse(Map.of());
        List<RequirementAssessment> rows = new ArrayList<>();
        for (RequirementDetails requirement : catalogue.inForce()) {
            Answer answer = answers.get(requirement.number());
            AnswerDetails details = answer == null ? null
                    : answer.toDetails(requirement.number(), requirement.wordingRevision());
            rows.add(new RequirementAssessment(requirement, details, RequirementState.of(details)));
        }
        return rows;
    }

    private Readiness readiness(SelfServiceDetails service, List<RequirementAssessment> rows, LocalDate today) {
        ExemptionDetails valid = exemptions.findBySelfServiceIdOrderByGrantedAtDesc(service.id()).stream()
                .filter(e -> e.validOn(today)).findFirst().map(e -> e.toDetails(today)).orElse(null);
        return Readiness.of(service.mandatoryWave() != null, rows, valid);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static boolean isWebAddress(String url) {
        if (url.length() > TEXT_MAX) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, DANISH);
    }
}
