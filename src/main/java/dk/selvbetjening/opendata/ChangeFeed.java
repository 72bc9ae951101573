package dk.selvbetjening.opendata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.actionpage.ActionPageDetails;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.ActionPageState;
import dk.selvbetjening.actionpage.ActionPageStatus;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.municipallink.MunicipalLinkSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change feed: what happened to published self-services, in order, for harvesters that poll
 * {@code GET /api/v1/changes?since=<cursor>} (ADR 0022).
 * <p>
 * Correctness under concurrency: every write first locks the feed's one position row ({@code SELECT ... FOR UPDATE}),
 * then reads the self-service's current state, decides, numbers its entries from the position and commits. Writers
 * therefore take turns: a second writer waits for the first to commit before it gets its number, so entries commit in
 * the order of their cursors and a poller that has seen cursor n will never later find an entry below n. (A plain
 * sequence or identity column would not do: a transaction could take number 5, a second take 6 and commit first, and a
 * poller reading 6 would skip 5 for good.) The same holds on H2 and PostgreSQL; both lock rows at READ COMMITTED.
 * <p>
 * Each entry compares the service's public state with what the feed last said ({@code opendata_service_state}), so an
 * event that changes nothing citizens see writes nothing, and events handled out of order (or twice, after a crash)
 * still give one entry per change. Links too: the feed keeps a digest of each municipality's link as it last said it,
 * so LINKS_CHANGED names the municipalities whose links differ from that, and a link event handled only after a later
 * publication (the listeners run in no fixed order) writes nothing the PUBLISHED entry did not already cover.
 */
@Service
@Transactional(readOnly = true)
public class ChangeFeed {

    public static final int MAX_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final SelfServiceService services;
    private final ActionPageService pages;
    private final MunicipalLinkService links;
    private final Clock clock;

    ChangeFeed(JdbcClient jdbc, SelfServiceService services, ActionPageService pages, MunicipalLinkService links,
            Clock clock) {
        this.jdbc = jdbc;
        this.services = services;
        this.pages = pages;
        this.links = links;
        this.clock = clock;
    }

    /** Where citizens stand with a self-service, as the feed tracks it. */
    enum PublicState {
        PUBLIC, UNPUBLISHED, ARCHIVED
    }

    /**
     * Records what changed for the self-service since the feed last looked at it; {@code changedLinks} names the
     * municipalities whose links changed (null when the event was not about links). Acts as whoever calls it; the
     * listeners call it as the system principal.
     */
    @Transactional
    public List<FeedChange> record(UUID selfServiceId, Set<Integer> changedLinks) {
        long last = jdbc.sql("SELECT last_seq FROM opendata_feed_position WHERE id = 1 FOR UPDATE")
                .query(Long.class).single();
        SelfServiceDetails service = services.byId(selfServiceId);
        Optional<ActionPageState> state = pages.state(selfServiceId);
        PublicState now = publicState(service, state);
        String fingerprint = now == PublicState.PUBLIC ? fingerprint(service, pages.find(selfServiceId)) : null;
        Optional<Stored> stored = jdbc.sql("SELECT public_state, fingerprint, links FROM opendata_service_state "
                        + "WHERE self_service_id = ?")
                .param(selfServiceId)
                .query((rs, n) -> new Stored(PublicState.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3)))
                .optional();

        List<ChangeType> types = new ArrayList<>();
        PublicState before = stored.map(Stored::state).orElse(null);
        String storedLinks = stored.map(Stored::links).orElse(null);
        String linksNow = storedLinks;
        List<Integer> changedCodes = List.of();
        if (now == PublicState.PUBLIC) {
            if (before != PublicState.PUBLIC) {
                types.add(ChangeType.PUBLISHED);
                linksNow = linkState(selfServiceId);
            } else if (!fingerprint.equals(stored.get().fingerprint())) {
                types.add(ChangeType.CHANGED);
            }
            if (changedLinks != null && before == PublicState.PUBLIC) {
                // compared with what the feed last said, not taken from the event: a late event finds nothing new
                linksNow = linkState(selfServiceId);
                changedCodes = storedLinks == null ? changedLinks.stream().sorted().toList()
                        : differingCodes(storedLinks, linksNow);
                if (!changedCodes.isEmpty()) {
                    types.add(ChangeType.LINKS_CHANGED);
                }
            }
        } else if (before != null && before != now) {
            types.add(now == PublicState.ARCHIVED ? ChangeType.ARCHIVED : ChangeType.UNPUBLISHED);
        }

        if (before != null && (before != now || !Objects.equals(fingerprint, stored.get().fingerprint())
                || !Objects.equals(linksNow, storedLinks))) {
            jdbc.sql("UPDATE opendata_service_state SET public_state = ?, fingerprint = ?, links = ? "
                            + "WHERE self_service_id = ?")
                    .params(now.name(), fingerprint, linksNow, selfServiceId).update();
        } else if (before == null && now == PublicState.PUBLIC) {
            jdbc.sql("INSERT INTO opendata_service_state (self_service_id, public_state, fingerprint, links) "
                            + "VALUES (?, ?, ?, ?)")
                    .params(selfServiceId, now.name(), fingerprint, linksNow).update();
        }
        if (types.isEmpty()) {
            return List.of();
        }
        Instant at = clock.instant();
        List<FeedChange> written = new ArrayList<>();
        for (ChangeType type : types) {
            last++;
            List<Integer> codes = type == ChangeType.LINKS_CHANGED ? changedCodes : List.of();
            jdbc.sql("INSERT INTO opendata_change (seq, occurred_at, change_type, self_service_id, slug, "
                            + "municipality_codes) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(last, Timestamp.from(at), type.name(), selfServiceId, service.slug(),
                            codes.isEmpty() ? null : codes.stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .update();
            written.add(new FeedChange(last, at, type, selfServiceId, service.slug(), codes));
        }
        jdbc.sql("UPDATE opendata_feed_position SET last_seq = ? WHERE id = 1").param(last).update();
        return written;
    }

    /** The self-services the feed has never looked at, among those citizens may see (for the start-up baseline). */
    public List<UUID> untracked() {
        Set<UUID> tracked = Set.copyOf(jdbc.sql("SELECT self_service_id FROM opendata_service_state")
                .query(UUID.class).list());
        return services.published().stream().map(SelfServiceDetails::id).filter(id -> !tracked.contains(id)).toList();
    }

    /** Up to {@code limit} entries after {@code since}, oldest first. */
    public FeedPage after(long since, int limit) {
        List<FeedChange> rows = jdbc.sql("SELECT seq, occurred_at, change_type, self_service_id, slug, "
                        + "municipality_codes FROM opendata_change WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(since, limit + 1)
                .query((rs, n) -> new FeedChange(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        ChangeType.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5),
                        codes(rs.getString(6))))
                .list();
        boolean more = rows.size() > limit;
        List<FeedChange> page = more ? rows.subList(0, limit) : rows;
        Latest latest = latest();
        return new FeedPage(page, page.isEmpty() ? since : page.get(page.size() - 1).cursor(), more,
                latest.cursor(), latest.at());
    }

    /** The newest entry's cursor and time (0 and null when the feed is empty). */
    public Latest latest() {
        return jdbc.sql("SELECT seq, occurred_at FROM opendata_change ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new Latest(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .optional().orElse(new Latest(0, null));
    }

    public record Latest(long cursor, Instant at) {
    }

    private record Stored(PublicState state, String fingerprint, String links) {
    }

    /** Each municipality's link as citizens meet it (URL, title, broken or not): "code=digest" pairs by code. */
    private String linkState(UUID selfServiceId) {
        return links.linksOf(selfServiceId).stream().filter(link -> !link.isMissing())
                .sorted(Comparator.comparingInt(MunicipalLinkSummary::municipalityCode))
                .map(link -> link.municipalityCode() + "=" + digest(String.join("\u001f", link.url(),
                        String.valueOf(link.title()), String.valueOf(link.broken()))).substring(0, 16))
                .collect(Collectors.joining(","));
    }

    /** The municipalities whose entry differs between two link states (added, removed or changed), in order. */
    static List<Integer> differingCodes(String before, String now) {
        Map<Integer, String> was = pairs(before);
        Map<Integer, String> is = pairs(now);
        Set<Integer> codes = new TreeSet<>(was.keySet());
        codes.addAll(is.keySet());
        return codes.stream().filter(code -> !Objects.equals(was.get(code), is.get(code))).toList();
    }

    private static Map<Integer, String> pairs(String state) {
        Map<Integer, String> pairs = new HashMap<>();
        for (String pair : state.isEmpty() ? new String[0] : state.split(",")) {
            int at = pair.indexOf('=');
            pairs.put(Integer.valueOf(pair.substring(0, at)), pair.substring(at + 1));
        }
        return pairs;
    }

    static PublicState publicState(SelfServiceDetails service, Optional<ActionPageState> page) {
        ActionPageStatus status = page.map(ActionPageState::status).orElse(ActionPageStatus.DRAFT);
        if (service.status() == SelfServiceStatus.ARCHIVED || status == ActionPageStatus.ARCHIVED) {
            return PublicState.ARCHIVED;
        }
        return service.status() == SelfServiceStatus.PUBLISHED && status == ActionPageStatus.PUBLISHED
                ? PublicState.PUBLIC : PublicState.UNPUBLISHED;
    }

    /** A digest of what citizens see of the service (not its supplier, its drafts or its dates). */
    private static String fingerprint(SelfServiceDetails service, Optional<ActionPageDetails> page) {
        String seen = String.join("\u001f", service.slug(), service.title(), service.shortDescription(),
                String.valueOf(service.kind()), String.valueOf(service.scope()), String.valueOf(service.url()),
                service.formReturn().stream().map(Enum::name).sorted().toList().toString(),
                String.valueOf(service.authorityId()), String.valueOf(service.loginMethod()),
                String.valueOf(service.mandatoryWave()), String.valueOf(service.kleNumber()),
                service.topics().toString(), service.keywords().toString(),
                String.valueOf(service.startWhenLinkBroken()),
                page.map(p -> p.content().toString()).orElse(""));
        return digest(seen);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> codes(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
