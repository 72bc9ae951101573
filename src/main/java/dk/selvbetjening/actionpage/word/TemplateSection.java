package dk.selvbetjening.actionpage.word;

import java.util.List;

/**
 * The sections of the Word template, in order: one per element of the action page, and the three parts of a planned
 * downtime under it. Each has a heading and a help line in {@code i18n/docx.properties}.
 */
enum TemplateSection {

    TITLE("title", Kind.LINE),
    INTRO("intro", Kind.TEXT),
    BEFORE_YOU_START("beforeYouStart", Kind.LIST),
    START_LABEL("startLabel", Kind.LINE),
    CONTINUES_ON("continuesOn", Kind.LINE),
    ALTERNATIVES("alternatives", Kind.TEXT),
    AFTERWARDS("afterwards", Kind.TEXT),
    MORE_INFORMATION("moreInformation", Kind.TEXT),
    RULES("rules", Kind.TEXT),
    FEES("fees", Kind.TEXT),
    DEADLINES("deadlines", Kind.TEXT),
    PLANNED_DOWNTIME("plannedDowntime", Kind.GROUP),
    DOWNTIME_FROM("plannedDowntime.from", Kind.TIME),
    DOWNTIME_UNTIL("plannedDowntime.until", Kind.TIME),
    DOWNTIME_MESSAGE("plannedDowntime.message", Kind.TEXT);

    /**
     * How a section's paragraphs become a value. LINE: one line, paragraphs joined by a space. TEXT: paragraphs
     * joined by a blank line ("\n\n"). LIST: one item per paragraph. TIME: "dd-MM-yyyy HH:mm", Danish time. GROUP:
     * a heading over sections of its own.
     */
    enum Kind { LINE, TEXT, LIST, TIME, GROUP }

    static final List<TemplateSection> DOWNTIME_PARTS = List.of(DOWNTIME_FROM, DOWNTIME_UNTIL, DOWNTIME_MESSAGE);

    private final String key;
    private final Kind kind;

    TemplateSection(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    String headingKey() {
        return "docx.heading." + key;
    }

    String helpKey() {
        return "docx.help." + key;
    }

    /** 1 for an element of the page, 2 for a part of the planned downtime. */
    int level() {
        return isDowntimePart() ? 2 : 1;
    }

    boolean isDowntimePart() {
        return DOWNTIME_PARTS.contains(this);
    }
}
