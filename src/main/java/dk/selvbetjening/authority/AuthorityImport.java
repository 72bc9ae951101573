package dk.selvbetjening.authority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityImportReport.RowError;
import dk.selvbetjening.shared.ExcelCsv;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The CSV import of authorities, for the first load and for completing the register (e.g. the CVR numbers of the
 * municipalities): reads the whole file, checks every row by {@link AuthorityRules} against the register and the
 * rows above it, and stores nothing unless every row is valid. Then creates and changes the authorities, each
 * audited. Runs in the caller's transaction.
 */
@Component
class AuthorityImport {

    private static final String ERROR = "authority.import.error.";
    private static final int ECHO_MAX = 120;

    private final AuthorityRepository authorities;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    AuthorityImport(AuthorityRepository authorities, AuditLog audit, ApplicationEventPublisher events) {
        this.authorities = authorities;
        this.audit = audit;
        this.events = events;
    }

    /** A valid row: a new authority ({@code existing} null) or new values for an existing one. */
    private record Checked(Authority existing, AuthorityValues values) {
    }

    AuthorityImportReport run(byte[] content, AuthorityRules.Register register) {
        ExcelCsv.Parsed file;
        try {
            file = ExcelCsv.parse(ExcelCsv.decode(content));
        } catch (ExcelCsv.SyntaxError e) {
            return AuthorityImportReport.fileError(e.line(), ERROR + "syntax");
        }
        if (file.columns().isEmpty()) {
            return AuthorityImportReport.fileError(1, ERROR + "empty");
        }
        List<RowError> headerErrors = AuthorityCsv.REQUIRED.stream().filter(c -> !file.has(c))
                .map(c -> new RowError(1, c, ERROR + "column", List.of(c))).toList();
        if (!headerErrors.isEmpty()) {
            return new AuthorityImportReport(false, 0, 0, 0, 0, 0, headerErrors);
        }

        Map<UUID, Authority> byId = new HashMap<>();
        authorities.findAll().forEach(a -> byId.put(a.id(), a));
        Map<UUID, Long> lineOfId = new HashMap<>();
        for (ExcelCsv.Line line : file.lines()) {
            UUID id = id(file, line);
            if (id != null && byId.containsKey(id)) {
                register.release(id);
            }
        }

        List<RowError> errors = new ArrayList<>();
        Set<Long> invalidLines = new TreeSet<>();
        List<Checked> valid = new ArrayList<>();
        int rows = 0;
        for (ExcelCsv.Line line : file.lines()) {
            if (line.isBlank()) {
                continue;
            }
            rows++;
            List<RowError> problems = new ArrayList<>();
            Authority existing = existing(file, line, byId, lineOfId, problems);
            AuthorityRules.Checked checked = AuthorityRules.check(
                    AuthorityCsv.input(file, line, existing == null ? null : existing.toDetails()),
                    existing == null ? null : existing.id(), register);
            checked.errors().forEach(e -> problems.add(new RowError(line.number(),
                    AuthorityCsv.COLUMN_OF_FIELD.get(e.field()), e.messageKey(), e.arguments())));
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                invalidLines.add(line.number());
                continue;
            }
            register.hold(checked.values(), new AuthorityRules.Holder(existing == null ? null : existing.id(),
                    checked.values().name(), line.number()));
            valid.add(new Checked(existing, checked.values()));
        }
        errors.sort(Comparator.comparingLong(RowError::line));

        int created = (int) valid.stream().filter(c -> c.existing() == null).count();
        List<Checked> changes = valid.stream()
                .filter(c -> c.existing() != null && !c.existing().values().equals(c.values())).toList();
        int unchanged = valid.size() - created - changes.size();
        if (!errors.isEmpty()) {
            return new AuthorityImportReport(false, rows, created, changes.size(), unchanged, invalidLines.size(),
                    errors);
        }
        for (Checked row : valid) {
            if (row.existing() == null) {
                Authority authority = authorities.save(new Authority(UUID.randomUUID(), row.values(), false));
                audit.record(AuthorityService.AUDIT_TYPE, authority.id(), "audit.authority.imported",
                        row.values().summary());
                events.publishEvent(new AuthorityChanged(authority.id()));
            } else if (changes.contains(row)) {
                String described = row.existing().change(row.values());
                audit.record(AuthorityService.AUDIT_TYPE, row.existing().id(), "audit.authority.importChanged",
                        described);
                events.publishEvent(new AuthorityChanged(row.existing().id()));
            }
        }
        authorities.flush();
        return new AuthorityImportReport(true, rows, created, changes.size(), unchanged, 0, List.of());
    }

    /** The authority the row's Id names; null for a new one (no Id column, or an empty cell). */
    private static Authority existing(ExcelCsv.Parsed file, ExcelCsv.Line line, Map<UUID, Authority> byId,
            Map<UUID, Long> lineOfId, List<RowError> problems) {
        String given = file.has(AuthorityCsv.ID) ? line.get(file, AuthorityCsv.ID) : "";
        if (given.isEmpty()) {
            return null;
        }
        UUID id = id(file, line);
        Authority found = id == null ? null : byId.get(id);
        if (found == null) {
            problems.add(new RowError(line.number(), AuthorityCsv.ID, ERROR + "idUnknown", List.of(echo(given))));
            return null;
        }
        Long earlier = lineOfId.putIfAbsent(id, line.number());
        if (earlier != null) {
            problems.add(new RowError(line.number(), AuthorityCsv.ID, ERROR + "idInFile",
                    List.of(earlier.toString())));
        }
        return found;
    }

    private static UUID id(ExcelCsv.Parsed file, ExcelCsv.Line line) {
        if (!file.has(AuthorityCsv.ID)) {
            return null;
        }
        try {
            String given = line.get(file, AuthorityCsv.ID);
            return given.isEmpty() ? null : UUID.fromString(given);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String echo(String given) {
        return given.length() <= ECHO_MAX ? given : given.substring(0, ECHO_MAX) + "…";
    }
}
