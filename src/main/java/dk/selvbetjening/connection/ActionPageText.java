package dk.selvbetjening.connection;

import java.util.List;

/** The action page text a request proposes (the Word template's fields); every field may be empty. */
public record ActionPageText(String title, String intro, List<String> beforeYouStart, String startLabel,
        String continuesOn, String alternatives, String afterwards, String moreInformation) {

    public ActionPageText {
        beforeYouStart = beforeYouStart == null ? List.of()
                : beforeYouStart.stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList();
    }

    public static ActionPageText empty() {
        return new ActionPageText(null, null, List.of(), null, null, null, null, null);
    }

    public boolean isEmpty() {
        return blank(title) && blank(intro) && beforeYouStart.isEmpty() && blank(startLabel) && blank(continuesOn)
                && blank(alternatives) && blank(afterwards) && blank(moreInformation);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
