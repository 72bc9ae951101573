package dk.selvbetjening.actionpage.guide;

import dk.selvbetjening.actionpage.ActionPageContent;

/**
 * One thing the guide checks found in an action page.
 *
 * @param rule     the rule's stable id, e.g. {@code title-verb-first}
 * @param severity whether it blocks publishing
 * @param field    the {@link ActionPageContent} field it is about, e.g. {@code title} or {@code beforeYouStart}
 * @param message  Danish: what to change, and that it is the portal's own rule
 */
public record GuideFinding(String rule, GuideSeverity severity, String field, String message) {
}
