package dk.selvbetjening.municipallink;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.MunicipalityCode;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.ServiceUrl;
import dk.selvbetjening.municipallink.ImportReport.RowError;
import dk.selvbetjening.municipallink.MunicipalLinkRows.Row;
import dk.selvbetjening.municipallink.MunicipalLinkRows.UrlWrite;
import dk.selvbetjening.shared.ExcelCsv;
import dk.selvbetjening.shared.ExcelCsv.Line;
import dk.selvbetjening.shared.ExcelCsv.Parsed;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The CSV import: reads the whole file, checks every row against reference data and the links held in memory
 * (no query per row), and only then writes the changed URLs in JDBC batches, audits them per self-service and
 * publishes one {@link MunicipalLinkChanged} naming every changed link. Runs in the caller's transaction.
 */
@Component
class MunicipalLinkImport {

    private static final String ERROR = "municipallink.import.error.";
    private static final int AUDIT_DETAILS_MAX = 3900;
    private static final int ECHO_MAX = 120;
    private static final int DUPLICATE_LINES_SHOWN = 10;
    private static final int AUDIT_BATCH_SIZE = 100;

    private final MunicipalLinkRows rows;
    private final SelfServiceService services;
    private final AuthorityService authorities;
    private final LinkEditors editors;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EntityManager entityManager;

    MunicipalLinkImport(MunicipalLinkRows rows, SelfServiceService services, AuthorityService authorities,
            LinkEditors editors, AuditLog audit, ApplicationEventPublisher events, Clock clock,
            EntityManager entityManager) {
        this.entityManager = entityManager;
        this.rows = rows;
        this.services = services;
        this.authorities = authorities;
        this.editors = editors;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A valid row: its key and, where it changes the link, the write. */
    private record Checked(long line, Key key, UrlWrite write) {
    }

    private record Key(int municipalityCode, String slug) {

        /** Mixed: similar slugs ("…-0001", "…-0002") and codes would otherwise share hash buckets by the thousand. */
        @Override
        public int hashCode() {
            int h = slug.hashCode() * 0x9E3779B9 + municipalityCode * 0x85EBCA6B;
            return h ^ (h >>> 16);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.municipalityCode == municipalityCode && k.slug.equals(slug);
        }
    }

    ImportReport run(byte[] content, boolean applyValidRows) {
        LinkEditRights rights = editors.requireMayEditAny();
        Parsed file;
        try {
            file = ExcelCsv.parse(ExcelCsv.decode(content));
        } catch (ExcelCsv.SyntaxError e) {
            return fileError(new RowError(e.line(), ERROR + "syntax", List.of()));
        }
        if (file.columns().isEmpty()) {
            return fileError(new RowError(1, ERROR + "empty", List.of()));
        }
        List<RowError> headerErrors = MunicipalLinkCsv.REQUIRED.stream().filter(c -> !file.has(c))
                .map(c -> new RowError(1, ERROR + "column", List.of(c))).toList();
        if (!headerErrors.isEmpty()) {
            return new ImportReport(false, 0, 0, 0, 0, headerErrors);
        }

        Map<Integer, MunicipalitySummary> municipalities = authorities.municipalities().stream()
                .collect(Collectors.toMap(MunicipalitySummary::code, Function.identity()));
        Map<String, SelfServiceDetails> published = services.published().stream()
                .collect(Collectors.toMap(SelfServiceDetails::slug, Function.identity()));
        Map<UUID, Map<Integer, Row>> existing = new HashMap<>();
        for (Row row : rows.all()) {
            existing.computeIfAbsent(row.selfServiceId(), id -> new HashMap<>()).put(row.municipalityCode(), row);
        }

        List<RowError> errors = new ArrayList<>();
        Set<Long> invalidLines = new TreeSet<>();
        List<Checked> valid = new ArrayList<>();
        Map<Key, List<Long>> linesByKey = new HashMap<>();
        int dataRows = 0;
        for (Line line : file.lines()) {
            if (line.isBlank()) {
                continue;
            }
            dataRows++;
            List<RowError> problems = new ArrayList<>();
            MunicipalitySummary municipality = municipality(line.get(file, MunicipalLinkCsv.CODE), line.number(),
                    municipalities, problems);
            SelfServiceDetails service = service(line.get(file, MunicipalLinkCsv.SERVICE), line.number(), published,
                    problems);
            String newUrl = line.get(file, MunicipalLinkCsv.NEW_URL);
            if (!newUrl.isEmpty()) {
                checkUrl(newUrl, line.number(), problems);
                if (municipality != null && !rights.mayEdit(municipality.code())) {
                    problems.add(new RowError(line.number(), ERROR + "forbidden",
                            List.of(municipality.name(), Integer.toString(municipality.code()))));
                }
            }
            Key key = municipality != null && service != null ? new Key(municipality.code(), service.slug()) : null;
            if (key != null) {
                linesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(line.number());
            }
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                invalidLines.add(line.number());
                continue;
            }
            Row current = existing.getOrDefault(service.id(), Map.of()).get(municipality.code());
            boolean changes = !newUrl.isEmpty() && (current == null || !newUrl.equals(current.url()));
            valid.add(new Checked(line.number(), key,
                    changes ? new UrlWrite(current, service.id(), municipality.code(), newUrl) : null));
        }
        linesByKey.forEach((key, lines) -> {
            if (lines.size() > 1) {
                String shown = lines.stream().limit(DUPLICATE_LINES_SHOWN).map(String::valueOf)
                        .collect(Collectors.joining(", ")) + (lines.size() > DUPLICATE_LINES_SHOWN ? ", …" : "");
                for (long line : lines) {
                    errors.add(new RowError(line, ERROR + "duplicate",
                            List.of(Integer.toString(key.municipalityCode()), key.slug(), shown)));
                    invalidLines.add(line);
                }
            }
        });
        errors.sort(Comparator.comparingLong(RowError::line));
        List<Checked> accepted = valid.stream().filter(c -> !invalidLines.contains(c.line())).toList();
        List<UrlWrite> writes = accepted.stream().map(Checked::write).filter(w -> w != null).toList();
        int unchanged = accepted.size() - writes.size();
        boolean apply = errors.isEmpty() || applyValidRows;
        if (apply && !writes.isEmpty()) {
            write(writes);
        }
        return new ImportReport(apply, dataRows, writes.size(), unchanged, invalidLines.size(), errors);
    }

    private void write(List<UrlWrite> writes) {
        Instant now = clock.instant();
        rows.write(writes, now);
        // the audit entries (one per 3,900 characters of changes: thousands for a big file) go to the database at
        // commit; in JDBC batches rather than one round trip each
        entityManager.unwrap(Session.class).setJdbcBatchSize(AUDIT_BATCH_SIZE);
        Map<UUID, List<UrlWrite>> byService = new LinkedHashMap<>();
        for (UrlWrite write : writes) {
            byService.computeIfAbsent(write.selfServiceId(), id -> new ArrayList<>()).add(write);
        }
        byService.forEach((serviceId, changes) -> {
            for (String details : auditDetails(changes)) {
                audit.record(MunicipalLinkService.AUDIT_TYPE, serviceId, "audit.municipallink.imported", details);
            }
        });
        events.publishEvent(new MunicipalLinkChanged(byService.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().stream().map(UrlWrite::municipalityCode).collect(Collectors.toSet())))));
    }

    /** "101: (mangler) → https://…; 147: https://… → https://…", split so no entry exceeds the audit log's limit. */
    private static List<String> auditDetails(List<UrlWrite> changes) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (UrlWrite change : changes) {
            String part = MunicipalLinkService.describeChange(change.municipalityCode(),
                    change.existing() == null ? null : change.existing().url(), change.url());
            if (current.length() > 0 && current.length() + 2 + part.length() > AUDIT_DETAILS_MAX) {
                entries.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? "; " : "").append(part);
        }
        if (current.length() > 0) {
            entries.add(current.toString());
        }
        return entries;
    }

    private static MunicipalitySummary municipality(String given, long line, Map<Integer, MunicipalitySummary> known,
            List<RowError> problems) {
        if (given.isEmpty()) {
            problems.add(new RowError(line, ERROR + "codeMissing", List.of()));
            return null;
        }
        MunicipalitySummary found = MunicipalityCode.parse(given).map(c -> known.get(c.value())).orElse(null);
        if (found == null) {
            problems.add(new RowError(line, ERROR + "codeUnknown", List.of(echo(given))));
        }
        return found;
    }

    private static SelfServiceDetails service(String given, long line, Map<String, SelfServiceDetails> published,
            List<RowError> problems) {
        if (given.isEmpty()) {
            problems.add(new RowError(line, ERROR + "serviceMissing", List.of()));
            return null;
        }
        SelfServiceDetails found = published.get(given.toLowerCase(Locale.ROOT));
        if (found == null) {
            problems.add(new RowError(line, ERROR + "serviceUnknown", List.of(echo(given))));
            return null;
        }
        if (!found.isMunicipal()) {
            problems.add(new RowError(line, ERROR + "serviceNational", List.of(found.slug())));
            return null;
        }
        return found;
    }

    private static void checkUrl(String url, long line, List<RowError> problems) {
        if (!ServiceUrl.isValid(url)) {
            problems.add(new RowError(line, ERROR + "urlInvalid", List.of(echo(url))));
        } else if (!url.toLowerCase(Locale.ROOT).startsWith("https://")) {
            problems.add(new RowError(line, ERROR + "urlNotHttps", List.of(echo(url))));
        }
    }

    private static ImportReport fileError(RowError error) {
        return new ImportReport(false, 0, 0, 0, 0, List.of(error));
    }

    private static String echo(String given) {
        return given.length() <= ECHO_MAX ? given : given.substring(0, ECHO_MAX) + "…";
    }
}
