package dk.selvbetjening.actionpage;

/**
 * Where an action page stands. DRAFT: never published. PUBLISHED: citizens see the published revision.
 * UNPUBLISHED: taken down; citizens see the service's short description only. ARCHIVED: taken down and closed for
 * editing.
 */
public enum ActionPageStatus {
    DRAFT, PUBLISHED, UNPUBLISHED, ARCHIVED
}
