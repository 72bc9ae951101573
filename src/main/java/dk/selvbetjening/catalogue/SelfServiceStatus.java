package dk.selvbetjening.catalogue;

/** Only PUBLISHED self-services are shown to citizens. */
public enum SelfServiceStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
