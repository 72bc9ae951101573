package dk.selvbetjening.actionpage.word;

import java.util.List;

import dk.selvbetjening.actionpage.ActionPageContent;

/**
 * What {@link ActionPageDocx#read} found in a filled-in Word template: the action page's elements (empty ones
 * null), and in Danish every piece of text it could not place, for the author to move by hand.
 */
public record DocxImport(ActionPageContent content, List<String> unplaced) {

    public DocxImport {
        unplaced = unplaced == null ? List.of() : List.copyOf(unplaced);
    }
}
