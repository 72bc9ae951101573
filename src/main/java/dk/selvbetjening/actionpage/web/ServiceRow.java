package dk.selvbetjening.actionpage.web;

import dk.selvbetjening.actionpage.ActionPageStatus;
import dk.selvbetjening.catalogue.SelfServiceStatus;

/** One self-service in the list of action pages the account may edit. */
public record ServiceRow(String slug, String title, SelfServiceStatus catalogueStatus, ActionPageStatus pageStatus,
        boolean hasPage, boolean unpublishedDraft, String goLiveAt) {
}
