package dk.selvbetjening.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff login with OpenID Connect (ADR 0026): the login button's label and which claims of the ID token (or the
 * UserInfo response) carry the person's stable id, name, e-mail and organisation's CVR number. The provider itself
 * (issuer, client id and secret, scopes) is Spring Boot's registration under
 * {@code spring.security.oauth2.client.registration.<id>} and {@code ...provider.<id>.issuer-uri}; without one, the
 * login is off. The defaults are NemLog-in's professional (OIOSAML 3 / OIDC) claim names for the id and the CVR
 * number and the standard OIDC claims for name and e-mail.
 *
 * @param label the login button's text
 * @param subjectClaim the person's stable id at the provider (never reassigned to another person)
 * @param nameClaim the person's name
 * @param emailClaim the person's e-mail address
 * @param organisationCvrClaim the CVR number of the organisation the person acts for
 */
@ConfigurationProperties(prefix = "selvbetjening.oidc")
public record StaffLoginProperties(
        @DefaultValue("Log ind med NemLog-in") String label,
        @DefaultValue("https://data.gov.dk/model/core/eid/professional/uuid/persistent") String subjectClaim,
        @DefaultValue("name") String nameClaim,
        @DefaultValue("email") String emailClaim,
        @DefaultValue("https://data.gov.dk/model/core/eid/professional/cvr") String organisationCvrClaim) {

    public StaffLoginProperties {
        if (label.isBlank() || subjectClaim.isBlank() || nameClaim.isBlank() || emailClaim.isBlank()
                || organisationCvrClaim.isBlank()) {
            throw new IllegalArgumentException("selvbetjening.oidc.* settings must not be blank");
        }
    }
}
