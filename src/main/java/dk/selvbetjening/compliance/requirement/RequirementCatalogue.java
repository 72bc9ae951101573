package dk.selvbetjening.compliance.requirement;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.compliance.ComplianceRights;
import dk.selvbetjening.compliance.InvalidInputException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requirement catalogue as versioned data. Every change (add, reword, retire, reinstate, verify) is one new
 * catalogue version and one new revision of the requirement; nothing is overwritten, so an assessment can always
 * show the wording it answered. Changes are for editors and audited.
 */
@Service
@Transactional(readOnly = true)
public class RequirementCatalogue {

    static final String AUDIT_TYPE = "krav";

    private final RequirementRepository requirements;
    private final RequirementRevisionRepository revisions;
    private final CatalogueVersionRepository versions;
    private final ComplianceRights rights;
    private final AuditLog audit;
    private final Clock clock;

    RequirementCatalogue(RequirementRepository requirements, RequirementRevisionRepository revisions,
            CatalogueVersionRepository versions, ComplianceRights rights, AuditLog audit, Clock clock) {
        this.requirements = requirements;
        this.revisions = revisions;
        this.versions = versions;
        this.rights = rights;
        this.audit = audit;
        this.clock = clock;
    }

    /** The current catalogue version. */
    public int version() {
        Integer current = versions.current();
        return current == null ? 0 : current;
    }

    /** Every requirement, retired ones included, by number. */
    public List<RequirementDetails> requirements() {
        return requirements.inOrder().stream().map(Requirement::toDetails).toList();
    }

    /** The requirements in force: not retired, by number. */
    public List<RequirementDetails> inForce() {
        return requirements().stream().filter(r -> !r.retired()).toList();
    }

    public Optional<RequirementDetails> requirement(String number) {
        return requirements.findById(number == null ? "" : number).map(Requirement::toDetails);
    }

    /** A requirement's revisions, newest first. */
    public List<RevisionDetails> revisions(String number) {
        return revisions.findByNumberOrderByRevisionDesc(number).stream().map(RequirementRevision::toDetails).toList();
    }

    /** The catalogue as it was at {@code catalogueVersion}: each requirement's revision then, by number. */
    public List<RevisionDetails> asOf(int catalogueVersion) {
        return revisions.asOf(catalogueVersion).stream().map(RequirementRevision::toDetails)
                .sorted(Comparator.comparingInt((RevisionDetails r) -> area(r.number()))
                        .thenComparingInt(r -> item(r.number())))
                .toList();
    }

    /** Every catalogue version, newest first. */
    public List<CatalogueVersionSummary> versions() {
        return versions.findAllByOrderByVersionDesc().stream().map(CatalogueVersion::toSummary).toList();
    }

    /** Adds a requirement to an area; it gets the area's next number. */
    @Transactional
    public RequirementDetails add(int area, String title, String wording, boolean verified) {
        rights.requireEditor();
        Map<String, String> errors = wordingErrors(title, wording);
        if (area < 1 || area > 4) {
            errors.put("area", "compliance.requirement.error.area");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Requirement requirement = new Requirement(area, requirements.lastItem(area) + 1, title.strip(), wording.strip(),
                verified);
        requirements.saveAndFlush(requirement);
        return changed(requirement, RequirementChange.ADDED, "tilføjet", title.strip());
    }

    /** A new title and wording; answers to the old wording must be given again. */
    @Transactional
    public RequirementDetails reword(String number, long expectedVersion, String title, String wording,
            boolean verified) {
        rights.requireEditor();
        Map<String, String> errors = wordingErrors(title, wording);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Requirement requirement = forChange(number, expectedVersion);
        requirement.reword(title.strip(), wording.strip(), verified);
        return changed(requirement, RequirementChange.REWORDED, "ny ordlyd", title.strip());
    }

    @Transactional
    public RequirementDetails retire(String number, long expectedVersion) {
        rights.requireEditor();
        Requirement requirement = forChange(number, expectedVersion);
        refuseIf(requirement.retired());
        requirement.retire();
        return changed(requirement, RequirementChange.RETIRED, "udgået", null);
    }

    @Transactional
    public RequirementDetails reinstate(String number, long expectedVersion) {
        rights.requireEditor();
        Requirement requirement = forChange(number, expectedVersion);
        refuseIf(!requirement.retired());
        requirement.reinstate();
        return changed(requirement, RequirementChange.REINSTATED, "gælder igen", null);
    }

    /** Marks a draft wording as checked against the official text; answers to it stay current. */
    @Transactional
    public RequirementDetails verify(String number, long expectedVersion) {
        rights.requireEditor();
        Requirement requirement = forChange(number, expectedVersion);
        refuseIf(requirement.verified());
        requirement.markVerified();
        return changed(requirement, RequirementChange.VERIFIED, "ordlyd verificeret", null);
    }

    private RequirementDetails changed(Requirement requirement, RequirementChange change, String action,
            String details) {
        int next = version() + 1;
        versions.saveAndFlush(new CatalogueVersion(next, clock.instant(), rights.actor(),
                requirement.number() + " " + action + (details == null ? "" : ": " + details)));
        revisions.save(requirement.revisionAt(next, change));
        requirements.saveAndFlush(requirement);
        audit.record(AUDIT_TYPE, requirement.number(), "audit.compliance.requirement." + change.name(), details, next);
        return requirement.toDetails();
    }

    private Requirement forChange(String number, long expectedVersion) {
        Requirement requirement = requirements.findForUpdate(number)
                .orElseThrow(() -> new RequirementNotFoundException(number));
        if (requirement.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Requirement.class, number);
        }
        return requirement;
    }

    private static void refuseIf(boolean condition) {
        if (condition) {
            throw new InvalidInputException(Map.of("requirement", "compliance.requirement.error.unchanged"));
        }
    }

    private static Map<String, String> wordingErrors(String title, String wording) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title == null || title.isBlank()) {
            errors.put("title", "compliance.requirement.error.title");
        } else if (title.strip().length() > Requirement.TITLE_MAX) {
            errors.put("title", "compliance.requirement.error.titleLong");
        }
        if (wording == null || wording.isBlank()) {
            errors.put("wording", "compliance.requirement.error.wording");
        } else if (wording.strip().length() > Requirement.WORDING_MAX) {
            errors.put("wording", "compliance.requirement.error.wordingLong");
        }
        return errors;
    }

    static int area(String number) {
        return Integer.parseInt(number.substring(0, number.indexOf('.')));
    }

    static int item(String number) {
        return Integer.parseInt(number.substring(number.indexOf('.') + 1));
    }
}
