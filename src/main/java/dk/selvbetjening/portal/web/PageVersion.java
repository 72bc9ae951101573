package dk.selvbetjening.portal.web;

import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalService;

/**
 * What a cached citizen page shows, as versions of the snapshot's parts (ADR 0032): with the template and the variant
 * (slug, municipality, …) the key of a {@link RenderedPages} entry. A change to anything a page shows moves one of its
 * versions, so the page is rendered again; a change to anything else leaves its key, so it stays the same cached bytes.
 *
 * @param common {@link CitizenCatalogue.Snapshot#commonVersion}: topics, municipalities and their authority records
 * @param own the version of the page's own part: its self-service, a topic's list or "most used"
 * @param downtime for an action page, what its planned downtime notice shows now: 0 nothing, 1 the notice, 2 closed now
 *     (it changes with the clock, not with the snapshot)
 */
record PageVersion(long common, long own, int downtime) {

    /** The action page of {@code page} with the downtime notice {@code downtime} (null: none shown). */
    static PageVersion actionPage(CitizenCatalogue.Snapshot snapshot, PortalService page,
            ActionPageView.DowntimeNotice downtime) {
        return new PageVersion(snapshot.commonVersion(), snapshot.version(page),
                downtime == null ? 0 : downtime.active() ? 2 : 1);
    }

    /** The front page: the topics and "most used". */
    static PageVersion frontPage(CitizenCatalogue.Snapshot snapshot) {
        return new PageVersion(snapshot.commonVersion(), snapshot.mostUsedVersion(), 0);
    }

    /** A topic's page: the topic and its self-services. */
    static PageVersion topic(CitizenCatalogue.Snapshot snapshot, String slug) {
        return new PageVersion(snapshot.commonVersion(), snapshot.topicVersion(slug), 0);
    }
}
