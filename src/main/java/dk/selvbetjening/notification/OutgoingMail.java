package dk.selvbetjening.notification;

/** One plain-text e-mail to one recipient. */
public record OutgoingMail(String recipient, String subject, String body) {

    public OutgoingMail {
        if (recipient == null || recipient.isBlank() || recipient.length() > 254) {
            throw new IllegalArgumentException("A mail needs one recipient");
        }
        if (subject == null || subject.isBlank() || subject.length() > 300) {
            throw new IllegalArgumentException("A mail needs a subject of at most 300 characters");
        }
        if (body == null || body.length() > 20000) {
            throw new IllegalArgumentException("A mail body is at most 20000 characters");
        }
    }
}
