package dk.selvbetjening.authority.web;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityInput;

/**
 * The authority form, as typed. {@code version}: the version the form was loaded at (empty for a new authority);
 * {@code tilbage}: a backoffice page to return to after creating (the connection request it was created from).
 */
public record AuthorityForm(String name, String type, String cvrNumber, String municipalityCode, String regionCode,
        String homepageUrl, String contactPhone, String contactEmail, String version, String tilbage) {

    static AuthorityForm of(AuthorityDetails authority) {
        AuthorityInput input = AuthorityInput.of(authority);
        return new AuthorityForm(input.name(), input.type(), input.cvrNumber(), input.municipalityCode(),
                input.regionCode(), input.homepageUrl(), input.contactPhone(), input.contactEmail(),
                Long.toString(authority.version()), null);
    }

    /** A new authority, prefilled where known (from a connection request: its CVR number and name). */
    static AuthorityForm prefilled(String cvrNumber, String name, String tilbage) {
        return new AuthorityForm(name, "", cvrNumber, "", "", "", "", "", "", tilbage);
    }

    AuthorityInput toInput() {
        return new AuthorityInput(name, type, cvrNumber, municipalityCode, regionCode, homepageUrl, contactPhone,
                contactEmail);
    }

    long loadedVersion() {
        return version(version);
    }

    /** The version a form was loaded with; a missing or garbled one can only be out of date. */
    static long version(String given) {
        try {
            return Long.parseLong(given == null ? "" : given.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Where to go after creating: {@code tilbage} when it is a backoffice page, else nowhere in particular. */
    String returnPath() {
        return tilbage != null && tilbage.matches("/redaktion/[A-Za-z0-9/_-]{1,200}") ? tilbage : null;
    }
}
