package dk.selvbetjening.notification;

/** PENDING: waiting to be sent (again). SENDING: claimed by the sender. SENT. FAILED: gave up after the last try. */
public enum MailStatus {
    PENDING, SENDING, SENT, FAILED
}
