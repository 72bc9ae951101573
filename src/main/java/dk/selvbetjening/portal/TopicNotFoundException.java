package dk.selvbetjening.portal;

import dk.selvbetjening.shared.NotFoundException;

/** No topic has the given slug. */
public class TopicNotFoundException extends NotFoundException {

    public TopicNotFoundException(String slug) {
        super("No topic " + slug);
    }
}
