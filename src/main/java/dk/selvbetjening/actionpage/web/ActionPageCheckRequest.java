package dk.selvbetjening.actionpage.web;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.shared.BadParameterException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An action page text to check, with the field names of the read API; any field may be missing. Every text may
 * have at most {@value #TEXT_MAX} characters and {@code beforeYouStart} at most {@value #ITEMS_MAX} items.
 */
record ActionPageCheckRequest(
        String title,
        String intro,
        List<String> beforeYouStart,
        String startLabel,
        String continuesOn,
        String alternatives,
        String afterwards,
        String moreInformation,
        String rules,
        String fees,
        String deadlines,
        PlannedDowntimeRequest plannedDowntime,
        @Schema(description = "Whether the self-service is mandatory (a wave solution): then alternatives are "
                + "required. Default false")
        Boolean mandatoryWave) {

    static final int TEXT_MAX = 10_000;
    static final int ITEMS_MAX = 50;

    boolean isMandatoryWave() {
        return Boolean.TRUE.equals(mandatoryWave);
    }

    /** A planned downtime: all three parts, or none. */
    @Schema(name = "ActionPageCheckPlannedDowntime", description = "The period the self-service is closed "
            + "(ISO instants, until after from) and the message shown about it")
    record PlannedDowntimeRequest(Instant from, Instant until, String message) {
    }

    /** The content to check; a too long text or an incomplete planned downtime is a {@link BadParameterException}. */
    ActionPageContent toContent() {
        limit("title", title);
        limit("intro", intro);
        List<String> items = beforeYouStart == null ? List.of()
                : beforeYouStart.stream().filter(Objects::nonNull).toList();
        if (items.size() > ITEMS_MAX) {
            throw new BadParameterException("beforeYouStart", "guide.api.error.tooManyItems", items.size(), ITEMS_MAX);
        }
        items.forEach(item -> limit("beforeYouStart", item));
        limit("startLabel", startLabel);
        limit("continuesOn", continuesOn);
        limit("alternatives", alternatives);
        limit("afterwards", afterwards);
        limit("moreInformation", moreInformation);
        limit("rules", rules);
        limit("fees", fees);
        limit("deadlines", deadlines);
        return new ActionPageContent(title, intro, items, startLabel, continuesOn, alternatives, afterwards,
                moreInformation, rules, fees, deadlines, downtime());
    }

    private PlannedDowntime downtime() {
        if (plannedDowntime == null) {
            return null;
        }
        limit("plannedDowntime", plannedDowntime.message());
        try {
            return new PlannedDowntime(plannedDowntime.from(), plannedDowntime.until(), plannedDowntime.message());
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("plannedDowntime", "guide.api.error.plannedDowntime");
        }
    }

    private static void limit(String field, String text) {
        if (text != null && text.length() > TEXT_MAX) {
            throw new BadParameterException(field, "guide.api.error.tooLong", field, text.length(), TEXT_MAX);
        }
    }
}
