package dk.selvbetjening.opendata;

/**
 * What happened to a self-service, as the change feed says it. PUBLISHED: its action page became visible;
 * CHANGED: what citizens see of it changed; UNPUBLISHED: its action page was taken down (or the service withdrawn);
 * ARCHIVED: taken down for good; LINKS_CHANGED: municipalities' links of a published municipal solution changed.
 */
public enum ChangeType {
    PUBLISHED, CHANGED, UNPUBLISHED, ARCHIVED, LINKS_CHANGED
}
