package dk.selvbetjening.portal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.ServiceUrl;
import dk.selvbetjening.portal.PortalService;

/**
 * What the action page template shows.
 *
 * @param municipality the chosen municipality, or null
 * @param rejectedCode a code from the link that names no municipality (shown in a notice), or null
 * @param askForMunicipality the citizen pressed Start on a municipal solution without choosing a municipality
 * @param startHref the start button's target, or null when there is no button (no municipality, no link)
 * @param continuesOn where the citizen lands ({@link #continuesOn(PortalService, Optional)})
 * @param updatedOn the day the page or its service last changed, in Danish time
 * @param municipalityContact for a municipality without a link: its authority record (homepage, phone), or null
 * @param responsible who answers for the solution: the chosen municipality for a municipal solution (name only when
 *     it has no authority record), the owner for a national one; null for a municipal one with no municipality chosen
 * @param downtime the planned downtime notice, from a day before the downtime until it ends; otherwise null
 */
public record ActionPageView(
        PortalService page,
        MunicipalitySummary municipality,
        String rejectedCode,
        boolean askForMunicipality,
        String startHref,
        String continuesOn,
        AuthorityDetails municipalityContact,
        AuthorityDetails responsible,
        List<MunicipalitySummary> municipalities,
        String changeMunicipalityHref,
        LocalDate updatedOn,
        DowntimeNotice downtime) {

    /** A planned downtime as the page shows it, in Danish time; {@code active}: the solution is closed now. */
    public record DowntimeNotice(ZonedDateTime from, ZonedDateTime until, String message, boolean active) {

        /** The notice to show at the clock's instant, or null. */
        static DowntimeNotice of(PlannedDowntime downtime, Clock clock) {
            if (downtime == null || !downtime.shownAt(clock.instant())) {
                return null;
            }
            return new DowntimeNotice(downtime.from().atZone(clock.getZone()), downtime.until().atZone(clock.getZone()),
                    downtime.message(), downtime.activeAt(clock.instant()));
        }
    }

    /** The field of the municipality chooser, where its error stands and the error summary links to. */
    static final String MUNICIPALITY_FIELD = "kommune";

    /**
     * Where the citizen lands, named by its site: for a municipal solution the chosen municipality's site ("aarhus.dk"
     * — the author's text cannot know which), for a national one the author's text, else the start URL's site.
     * Null without a start URL.
     */
    static String continuesOn(PortalService page, Optional<String> target) {
        if (target.isEmpty()) {
            return null;
        }
        String authored = page.actionPage().continuesOn();
        if (!page.isMunicipal() && authored != null && !authored.isBlank()) {
            return authored;
        }
        return site(new ServiceUrl(target.get()).host());
    }

    /** The host without a leading "www.": the site as people say it. */
    static String site(String host) {
        if (host == null) {
            return null;
        }
        return host.regionMatches(true, 0, "www.", 0, 4) && host.length() > 4 ? host.substring(4) : host;
    }

    /** The "Før du går i gang" list as a start page lays it out. */
    public BeforeYouStart beforeYouStart() {
        return BeforeYouStart.of(page.actionPage().beforeYouStart());
    }

    /** Whether to show the list: not when the chosen municipality has no solution to start (it would not apply). */
    public boolean showBeforeYouStart() {
        return !missingLink() && !beforeYouStart().isEmpty();
    }

    /** The citizen must choose a municipality before starting: the chooser's error, for the field and the summary. */
    public Map<String, String> errors() {
        return askForMunicipality && needsMunicipality() ? Map.of(MUNICIPALITY_FIELD, "municipality.select.error")
                : Map.of();
    }

    public boolean needsMunicipality() {
        return page.isMunicipal() && municipality == null;
    }

    public boolean missingLink() {
        return page.isMunicipal() && municipality != null && startHref == null;
    }

    /** The municipality has a link, but it does not work right now. */
    public boolean brokenLink() {
        return missingLink() && page.linkBroken(municipality.code());
    }
}
