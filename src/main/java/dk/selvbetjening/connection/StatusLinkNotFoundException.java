package dk.selvbetjening.connection;

/**
 * A status link that does not open its request: an unknown reference, a wrong token, or a link that expired after
 * the request was closed. All answer alike, so a link's answer tells nothing about the request.
 */
public class StatusLinkNotFoundException extends ConnectionRequestNotFoundException {

    public StatusLinkNotFoundException(String reference) {
        super(reference);
    }
}
