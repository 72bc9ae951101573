package dk.selvbetjening.connection;

import java.util.UUID;

import dk.selvbetjening.catalogue.ServiceUrl;

/** One municipal link of a connection request, as the duplicate check reads them for many requests at once. */
record RequestMunicipalLink(UUID requestId, String reference, Integer municipalityCode, String url) {

    /** The URL as the catalogue compares URLs ({@link ServiceUrl#normalize}). */
    String normalizedUrl() {
        return ServiceUrl.normalize(url);
    }
}
