package dk.selvbetjening.account;

/** Where an access request stands: waiting for an editor, or decided once. */
public enum AccessRequestStatus {
    PENDING, APPROVED, REJECTED
}
