package dk.selvbetjening.municipallink;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.municipallink.MunicipalLinkRows.Row;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipal link module's API: the links, who may change them, the completeness matrix of published municipal
 * self-services × municipalities, the CSV export and import, the link checker's verdicts and a municipality's deep
 * links. Every change is audited and announced with {@link MunicipalLinkChanged}.
 */
@Service
@Transactional(readOnly = true)
public class MunicipalLinkService {

    static final String AUDIT_TYPE = "kommunelink";
    private static final int URLS_PER_QUERY = 1000;
    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final DateTimeFormatter CHECKED_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Comparator<MunicipalLinkDetails> MATRIX_ORDER = Comparator
            .comparingInt(MunicipalLinkDetails::municipalityCode)
            .thenComparing(MunicipalLinkDetails::serviceTitle)
            .thenComparing(MunicipalLinkDetails::serviceSlug);

    private final MunicipalLinkRepository links;
    private final MunicipalLinkRows rows;
    private final MunicipalLinkImport importer;
    private final SelfServiceService services;
    private final AuthorityService authorities;
    private final LinkEditors editors;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    MunicipalLinkService(MunicipalLinkRepository links, MunicipalLinkRows rows, MunicipalLinkImport importer,
            SelfServiceService services, AuthorityService authorities, LinkEditors editors, AuditLog audit,
            ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.links = links;
        this.rows = rows;
        this.importer = importer;
        this.services = services;
        this.authorities = authorities;
        this.editors = editors;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** Every registered link (present or missing), of any self-service. */
    public List<MunicipalLinkSummary> all() {
        return rows.all().stream().map(Row::toSummary).toList();
    }

    /**
     * Every link, handed to {@code each} one at a time as read from the database, without holding them all in a list
     * first (the citizen catalogue's build at national size: 200,000 links).
     */
    public void forEachLink(Consumer<MunicipalLinkSummary> each) {
        rows.forEachSummary(each);
    }

    public List<MunicipalLinkSummary> linksOf(UUID selfServiceId) {
        return rows.byService(selfServiceId).stream().map(Row::toSummary).toList();
    }

    /** The links of these self-services, in one query (keep the collection short: it becomes an IN list). */
    public List<MunicipalLinkSummary> linksOf(Collection<UUID> selfServiceIds) {
        return rows.byServices(selfServiceIds).stream().map(Row::toSummary).toList();
    }

    /**
     * The links whose URL, normalized as the catalogue compares URLs ({@link dk.selvbetjening.catalogue.ServiceUrl#normalize}:
     * without case of scheme and host, fragment or trailing slash), is one of {@code normalizedUrls}, by that
     * normalized URL. An indexed query per {@value #URLS_PER_QUERY} URLs, however many links there are.
     */
    public Map<String, List<MunicipalLinkSummary>> withNormalizedUrls(Collection<String> normalizedUrls) {
        List<String> wanted = normalizedUrls.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, List<MunicipalLinkSummary>> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += URLS_PER_QUERY) {
            links.findByNormalizedUrlIn(wanted.subList(from, Math.min(wanted.size(), from + URLS_PER_QUERY)))
                    .forEach(link -> found.computeIfAbsent(link.normalizedUrl(), url -> new ArrayList<>())
                            .add(link.toSummary()));
        }
        return found;
    }

    /** Whose links the caller may change. */
    public LinkEditRights editRights() {
        return editors.current();
    }

    /**
     * Sets one municipality's link for a municipal self-service; a blank URL marks it missing. Refused (with
     * {@link org.springframework.security.access.AccessDeniedException}) unless the caller may edit the
     * municipality's links; an unknown municipality, a national self-service or an invalid URL is an
     * {@link IllegalArgumentException}.
     */
    @Transactional
    public MunicipalLinkSummary setLink(UUID selfServiceId, int municipalityCode, String url, String title) {
        editors.requireMayEdit(municipalityCode);
        SelfServiceDetails service = services.byId(selfServiceId);
        if (!service.isMunicipal()) {
            throw new IllegalArgumentException("Only a municipal self-service has municipal links");
        }
        if (authorities.municipality(municipalityCode).isEmpty()) {
            throw new IllegalArgumentException("Unknown municipality code " + municipalityCode);
        }
        Optional<MunicipalLink> found = links.findBySelfServiceIdAndMunicipalityCode(selfServiceId, municipalityCode);
        MunicipalLink link = found.orElseGet(
                () -> new MunicipalLink(UUID.randomUUID(), selfServiceId, municipalityCode, clock.instant()));
        String urlBefore = link.url();
        String titleBefore = link.title();
        link.change(url, title, clock.instant());
        links.save(link);
        if (!Objects.equals(urlBefore, link.url()) || !Objects.equals(titleBefore, link.title())) {
            String details = describeChange(municipalityCode, urlBefore, link.url())
                    + (Objects.equals(titleBefore, link.title()) ? "" : " (titel: " + Objects.toString(link.title(), "ingen") + ")");
            audit.record(AUDIT_TYPE, selfServiceId, "audit.municipallink.changed", details);
            events.publishEvent(new MunicipalLinkChanged(selfServiceId, municipalityCode));
        }
        return link.toSummary();
    }

    /**
     * Records the link checker's verdict on a URL for every link that has exactly this URL, and returns how many
     * links took it. Links whose verdict flips are announced with {@link MunicipalLinkChanged}; a repeated verdict
     * changes only the time of the check. A URL written after the check is not touched by an older verdict's
     * {@code checkedAt} because writing a URL clears both fields. A verdict older than a link's last one (delivered
     * late, or again after a restart) changes nothing on that link. Only the application itself
     * ({@link dk.selvbetjening.shared.SystemPrincipal}) records verdicts.
     */
    @Transactional
    public int markChecked(String url, boolean broken, Instant checkedAt) {
        editors.requireSystem();
        Objects.requireNonNull(checkedAt, "checkedAt");
        if (url == null || url.isBlank()) {
            return 0;
        }
        Map<UUID, Set<Integer>> flipped = rows.withUrl(url).stream()
                .filter(r -> r.lastCheckedAt() == null || !r.lastCheckedAt().isAfter(checkedAt))
                .filter(r -> r.broken() != broken)
                .collect(Collectors.groupingBy(Row::selfServiceId,
                        Collectors.mapping(Row::municipalityCode, Collectors.toSet())));
        int marked = rows.markChecked(url, broken, checkedAt);
        if (!flipped.isEmpty()) {
            events.publishEvent(new MunicipalLinkChanged(flipped));
        }
        return marked;
    }

    /** A published municipal self-service by slug. */
    public Optional<SelfServiceDetails> municipalService(String slug) {
        return services.bySlug(slug).filter(s -> s.isMunicipal() && s.status() == SelfServiceStatus.PUBLISHED);
    }

    /** The completeness matrix summed up per published municipal self-service and per municipality. */
    public Completeness completeness() {
        List<SelfServiceDetails> municipal = publishedMunicipal();
        List<MunicipalitySummary> municipalities = authorities.municipalities();
        Map<UUID, Map<Integer, Row>> stored = byServiceAndCode(rows.all());
        Map<UUID, LinkCounts> perService = new LinkedHashMap<>();
        Map<Integer, LinkCounts> perMunicipality = new LinkedHashMap<>();
        LinkCounts total = LinkCounts.NONE;
        for (SelfServiceDetails service : municipal) {
            Map<Integer, Row> serviceLinks = stored.getOrDefault(service.id(), Map.of());
            for (MunicipalitySummary municipality : municipalities) {
                Row row = serviceLinks.get(municipality.code());
                LinkStatus status = row == null ? LinkStatus.MISSING : row.status();
                perService.merge(service.id(), LinkCounts.NONE.plus(status), MunicipalLinkService::add);
                perMunicipality.merge(municipality.code(), LinkCounts.NONE.plus(status), MunicipalLinkService::add);
                total = total.plus(status);
            }
        }
        return new Completeness(
                municipal.stream().map(s -> new Completeness.ServiceRow(s.id(), s.slug(), s.title(),
                        perService.getOrDefault(s.id(), LinkCounts.NONE))).toList(),
                municipalities.stream().map(m -> new Completeness.MunicipalityRow(m.code(), m.name(),
                        perMunicipality.getOrDefault(m.code(), LinkCounts.NONE))).toList(),
                total);
    }

    /**
     * The cells of the completeness matrix that match the filter, by municipality code and then self-service title.
     * A slug that names no published municipal self-service, or an unknown code, matches nothing.
     */
    public List<MunicipalLinkDetails> links(LinkFilter filter) {
        List<SelfServiceDetails> municipal = publishedMunicipal().stream()
                .filter(s -> filter.serviceSlug() == null || s.slug().equals(filter.serviceSlug())).toList();
        List<MunicipalitySummary> municipalities = authorities.municipalities().stream()
                .filter(m -> filter.municipalityCode() == null || m.code() == filter.municipalityCode()).toList();
        if (municipal.isEmpty() || municipalities.isEmpty()) {
            return List.of();
        }
        List<Row> stored;
        if (filter.municipalityCode() != null) {
            stored = rows.byMunicipality(filter.municipalityCode());
        } else if (municipal.size() == 1) {
            stored = rows.byService(municipal.get(0).id());
        } else {
            stored = rows.all();
        }
        Map<UUID, Map<Integer, Row>> byService = byServiceAndCode(stored);
        List<MunicipalLinkDetails> cells = new ArrayList<>(municipal.size() * municipalities.size());
        for (SelfServiceDetails service : municipal) {
            Map<Integer, Row> serviceLinks = byService.getOrDefault(service.id(), Map.of());
            for (MunicipalitySummary municipality : municipalities) {
                Row row = serviceLinks.get(municipality.code());
                LinkStatus status = row == null ? LinkStatus.MISSING : row.status();
                if (filter.status() == null || filter.status() == status) {
                    cells.add(row == null
                            ? new MunicipalLinkDetails(service.id(), service.slug(), service.title(), municipality.code(),
                                    municipality.name(), null, null, status, null, null)
                            : new MunicipalLinkDetails(service.id(), service.slug(), service.title(), municipality.code(),
                                    municipality.name(), row.url(), row.title(), status, row.lastCheckedAt(),
                                    row.updatedAt()));
                }
            }
        }
        cells.sort(MATRIX_ORDER);
        return cells;
    }

    /** One cell of the matrix. */
    public Optional<MunicipalLinkDetails> link(String slug, int municipalityCode) {
        return links(new LinkFilter(municipalityCode, slug, null)).stream().findFirst();
    }

    /**
     * The matching cells as a CSV file for Danish Excel (UTF-8 with BOM, semicolons, CRLF), with an empty
     * "Ny URL" column to fill in and upload again.
     */
    public byte[] exportCsv(LinkFilter filter) {
        ZoneId zone = clock.getZone();
        Map<LinkStatus, String> labels = new EnumMap<>(LinkStatus.class);
        for (LinkStatus status : LinkStatus.values()) {
            labels.put(status, message("municipallink.status." + status));
        }
        List<List<String>> lines = links(filter).stream().map(cell -> List.of(
                Integer.toString(cell.municipalityCode()),
                cell.municipalityName(),
                cell.serviceSlug(),
                cell.serviceTitle(),
                Objects.toString(cell.title(), ""),
                Objects.toString(cell.url(), ""),
                labels.get(cell.status()),
                cell.lastCheckedAt() == null ? "" : CHECKED_FORMAT.format(cell.lastCheckedAt().atZone(zone)),
                "")).toList();
        return dk.selvbetjening.shared.ExcelCsv.write(MunicipalLinkCsv.LINK_HEADER, lines);
    }

    /**
     * Imports a CSV file: every row is checked first, and nothing is written unless all are valid or
     * {@code applyValidRows} is set. Refused unless the caller may edit some municipality's links; rows for a
     * municipality the caller may not edit are errors.
     */
    @Transactional
    public ImportReport importCsv(byte[] content, boolean applyValidRows) {
        return importer.run(content, applyValidRows);
    }

    /**
     * A municipality's deep links: every published self-service's action page with the municipality chosen, by
     * title, with the municipality's own link status for a municipal one.
     */
    public List<DeepLink> deepLinks(int municipalityCode) {
        authorities.municipality(municipalityCode)
                .orElseThrow(() -> new MunicipalityNotFoundException(municipalityCode));
        Map<UUID, Row> municipalityLinks = rows.byMunicipality(municipalityCode).stream()
                .collect(Collectors.toMap(Row::selfServiceId, r -> r));
        return services.published().stream().map(s -> {
            LinkStatus status = null;
            if (s.isMunicipal()) {
                Row row = municipalityLinks.get(s.id());
                status = row == null ? LinkStatus.MISSING : row.status();
            }
            return new DeepLink(s.slug(), s.title(), s.isMunicipal(), status,
                    "/handlingsside/" + s.slug() + "?kommunekode=" + municipalityCode);
        }).toList();
    }

    /**
     * The deep links as CSV (columns Selvbetjening, Direkte link, Slags, Kommunens link), the addresses absolute on
     * {@code baseUrl}.
     */
    public byte[] deepLinksCsv(int municipalityCode, String baseUrl) {
        List<List<String>> lines = deepLinks(municipalityCode).stream().map(link -> List.of(
                link.title(),
                baseUrl + link.path(),
                message(link.municipal() ? "deepLinks.csv.municipal" : "deepLinks.csv.national"),
                link.linkStatus() == null ? "" : message("municipallink.status." + link.linkStatus()))).toList();
        return dk.selvbetjening.shared.ExcelCsv.write(List.of(message("deepLinks.csv.service"), message("deepLinks.csv.link"),
                message("deepLinks.csv.scope"), message("deepLinks.csv.status")), lines);
    }

    private String message(String key) {
        return messages.getMessage(key, null, DANISH);
    }

    static String describeChange(int municipalityCode, String before, String after) {
        return municipalityCode + ": " + Objects.toString(before, "(mangler)") + " → " + Objects.toString(after, "(mangler)");
    }

    private List<SelfServiceDetails> publishedMunicipal() {
        return services.published().stream().filter(SelfServiceDetails::isMunicipal).toList();
    }

    private static Map<UUID, Map<Integer, Row>> byServiceAndCode(List<Row> stored) {
        Map<UUID, Map<Integer, Row>> result = new HashMap<>();
        for (Row row : stored) {
            result.computeIfAbsent(row.selfServiceId(), id -> new HashMap<>()).put(row.municipalityCode(), row);
        }
        return result;
    }

    private static LinkCounts add(LinkCounts a, LinkCounts b) {
        return new LinkCounts(a.present() + b.present(), a.missing() + b.missing(), a.broken() + b.broken());
    }
}
