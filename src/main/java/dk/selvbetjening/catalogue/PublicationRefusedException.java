package dk.selvbetjening.catalogue;

import java.util.List;

import dk.selvbetjening.shared.RefusedException;

/** A self-service (or its changes) may not be published yet (409); {@link #reasons()} lists what is missing, in Danish. */
public class PublicationRefusedException extends RefusedException {

    public PublicationRefusedException(String slug, List<String> reasons) {
        super("Publishing " + slug + " refused: " + reasons.size() + " reasons", reasons);
    }

    @Override
    public String titleKey() {
        return "catalogue.publication.refused.title";
    }
}
