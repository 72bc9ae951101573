package dk.selvbetjening.connection.web;

import java.util.List;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.connection.ActionPageText;

/** The optional action page fields of the connection form, as typed; "before you start" is one item per line. */
public record ActionPageForm(String title, String intro, String beforeYouStart, String startLabel,
        String continuesOn, String alternatives, String afterwards, String moreInformation) {

    static ActionPageForm empty() {
        return new ActionPageForm(null, null, null, null, null, null, null, null);
    }

    static ActionPageForm of(ActionPageText text) {
        return new ActionPageForm(text.title(), text.intro(), String.join("\n", text.beforeYouStart()),
                text.startLabel(), text.continuesOn(), text.alternatives(), text.afterwards(),
                text.moreInformation());
    }

    /** The fields the form has, from an action page read from the Word template; the form has no others. */
    static ActionPageForm of(ActionPageContent content) {
        return new ActionPageForm(content.title(), content.intro(), String.join("\n", content.beforeYouStart()),
                content.startLabel(), content.continuesOn(), content.alternatives(), content.afterwards(),
                content.moreInformation());
    }

    ActionPageText toText() {
        List<String> items = beforeYouStart == null ? List.of() : beforeYouStart.lines().toList();
        return new ActionPageText(title, intro, items, startLabel, continuesOn, alternatives, afterwards,
                moreInformation);
    }
}
