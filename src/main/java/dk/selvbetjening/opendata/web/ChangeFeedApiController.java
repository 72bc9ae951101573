package dk.selvbetjening.opendata.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dk.selvbetjening.opendata.ChangeFeed;
import dk.selvbetjening.opendata.FeedPage;
import dk.selvbetjening.shared.BadParameterException;
import dk.selvbetjening.shared.web.RequestParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The change feed for harvesters: poll with the {@code nextCursor} of the last answer as {@code since}; entries come
 * oldest first and a cursor once seen is never followed by an older entry (ADR 0022). ETag and Last-Modified name
 * the newest entry, so an unchanged feed answers 304. Last-Modified is sent only once its second has passed: an entry
 * written later in the same second would otherwise hide behind it (HTTP dates have whole seconds).
 */
@RestController
@Tag(name = "Open data")
class ChangeFeedApiController {

    static final int DEFAULT_LIMIT = 100;

    private final ChangeFeed feed;
    private final Clock clock;

    ChangeFeedApiController(ChangeFeed feed, Clock clock) {
        this.feed = feed;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Changes to published self-services after a cursor, oldest first",
            description = "Types: PUBLISHED, CHANGED, UNPUBLISHED, ARCHIVED, LINKS_CHANGED (municipalityCodes names "
                    + "the municipalities). Start with since=0 (or the catalogue), then pass nextCursor as since.")
    ChangeFeedResponse changes(
            @Parameter(description = "The cursor after which to list changes (exclusive); 0 or absent: from the start")
            @RequestParam(required = false) String since,
            @Parameter(description = "Most changes per answer, 1-1000 (default 100)")
            @RequestParam(required = false) String limit,
            HttpServletRequest request, HttpServletResponse response) {
        long after = cursor(since);
        int most = RequestParameters.number("limit", limit, DEFAULT_LIMIT, 1, ChangeFeed.MAX_LIMIT);
        ChangeFeed.Latest latest = feed.latest();
        String etag = "\"feed-" + latest.cursor() + "-" + after + "-" + most + "\"";
        Instant now = clock.instant();
        long lastModified = latest.at() != null
                && !latest.at().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).isAfter(now)
                ? latest.at().toEpochMilli() : -1;
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        if (new ServletWebRequest(request, response).checkNotModified(etag, lastModified)) {
            return null;
        }
        FeedPage page = feed.after(after, most);
        return new ChangeFeedResponse(page.changes().stream().map(c -> new ChangeFeedResponse.Change(c.cursor(),
                c.occurredAt(), c.type().name(), c.selfServiceId(), c.slug(), c.municipalityCodes())).toList(),
                page.nextCursor(), page.hasMore());
    }

    private static long cursor(String given) {
        if (given == null || given.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(given.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException("since", "api.error.since", given);
    }

    /** A page of the feed; {@code nextCursor} goes into the next call's {@code since}. */
    record ChangeFeedResponse(List<Change> changes, long nextCursor, boolean hasMore) {

        /** One change; {@code municipalityCodes} only for LINKS_CHANGED. */
        record Change(long cursor, Instant occurredAt, String type, java.util.UUID selfServiceId, String slug,
                List<Integer> municipalityCodes) {
        }
    }
}
