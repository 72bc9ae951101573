package dk.selvbetjening.portal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.portal.PortalService;

/**
 * What the action page template shows.
 *
 * @param municipality the chosen municipality, or null
 * @param rejectedCode a code from the link that names no municipality (shown in a notice), or null
 * @param askForMunicipality the citizen pressed Start on a municipal solution without choosing a municipality
 * @param startHref the start button's target, or null when there is no button (no municipality, no link)
 * @param continuesOn where the citizen lands: the page's own text or the host of the start URL
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
