package dk.selvbetjening.account;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.selvbetjening.authority.CvrNumber;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff login with OpenID Connect (ADR 0026): the default login button label and which claims of the ID token
 * (or the UserInfo response) carry the person's stable id, name, e-mail and organisation's CVR number. The providers
 * themselves (issuer, client id and secret, scopes, button text as {@code client-name}) are Spring Boot's
 * registrations under {@code spring.security.oauth2.client.registration.<id>} and {@code ...provider.<id>.issuer-uri};
 * without one, the login is off. The defaults are NemLog-in's professional (OIOSAML 3 / OIDC) claim names for the id
 * and the CVR number and the standard OIDC claims for name and e-mail. A provider whose tokens differ (e.g. an
 * authority's own Microsoft Entra ID) overrides them under {@code selvbetjening.oidc.providers.<registration id>.*}.
 *
 * @param label the button text of a registration without {@code client-name}
 * @param subjectClaim the person's stable id at the provider (never reassigned to another person)
 * @param nameClaim the person's name
 * @param emailClaim the person's e-mail address
 * @param organisationCvrClaim the CVR number of the organisation the person acts for
 * @param cvrNumbers the organisations a provider may speak for; empty (the default) for any, as a national broker
 * @param providers per registration id, settings that differ from the ones above
 */
@ConfigurationProperties(prefix = "selvbetjening.oidc")
public record StaffLoginProperties(
        @DefaultValue("Log ind med NemLog-in") String label,
        @DefaultValue("https://data.gov.dk/model/core/eid/professional/uuid/persistent") String subjectClaim,
        @DefaultValue("name") String nameClaim,
        @DefaultValue("email") String emailClaim,
        @DefaultValue("https://data.gov.dk/model/core/eid/professional/cvr") String organisationCvrClaim,
        List<String> cvrNumbers,
        Map<String, Provider> providers) {

    /**
     * What one provider's tokens say differently; a setting left out is the general one.
     *
     * @param cvrNumbers the only organisations this provider may speak for (an authority's own login names its own):
     *        a token naming another is read as naming none; when it lists one and the token names none, the person
     *        acts for that one
     */
    public record Provider(String subjectClaim, String nameClaim, String emailClaim, String organisationCvrClaim,
            List<String> cvrNumbers) {

        Provider withCvrNumbers(List<String> checked) {
            return new Provider(subjectClaim, nameClaim, emailClaim, organisationCvrClaim, checked);
        }
    }

    public StaffLoginProperties {
        if (label.isBlank() || subjectClaim.isBlank() || nameClaim.isBlank() || emailClaim.isBlank()
                || organisationCvrClaim.isBlank()) {
            throw new IllegalArgumentException("selvbetjening.oidc.* settings must not be blank");
        }
        cvrNumbers = cvrNumbers("selvbetjening.oidc.cvr-numbers", cvrNumbers);
        providers = providers == null ? Map.of() : providers.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> e.getValue().withCvrNumbers(cvrNumbers(
                        "selvbetjening.oidc.providers." + e.getKey() + ".cvr-numbers", e.getValue().cvrNumbers()))));
    }

    /** {@code given} (null: none) stripped, refusing what is not a CVR number; {@code setting} names it. */
    private static List<String> cvrNumbers(String setting, List<String> given) {
        List<String> stripped = given == null ? List.of() : given.stream().map(String::strip).toList();
        stripped.stream().filter(cvr -> !CvrNumber.isValid(cvr)).findFirst().ifPresent(cvr -> {
            throw new IllegalArgumentException(setting + ": not a CVR number: " + cvr);
        });
        return stripped;
    }

    /** The general settings only: NemLog-in's claim names, any organisation, no per-provider settings. */
    static StaffLoginProperties of(String label, String subjectClaim, String nameClaim, String emailClaim,
            String organisationCvrClaim) {
        return new StaffLoginProperties(label, subjectClaim, nameClaim, emailClaim, organisationCvrClaim, null, null);
    }

    /** The settings for the registration {@code registrationId}: its own where it has them, the general ones else. */
    StaffLoginProperties forRegistration(String registrationId) {
        Provider own = providers.get(registrationId);
        if (own == null) {
            return new StaffLoginProperties(label, subjectClaim, nameClaim, emailClaim, organisationCvrClaim,
                    cvrNumbers, null);
        }
        return new StaffLoginProperties(label, or(own.subjectClaim(), subjectClaim), or(own.nameClaim(), nameClaim),
                or(own.emailClaim(), emailClaim), or(own.organisationCvrClaim(), organisationCvrClaim),
                own.cvrNumbers().isEmpty() ? cvrNumbers : own.cvrNumbers(), null);
    }

    private static String or(String own, String general) {
        return own == null || own.isBlank() ? general : own.strip();
    }
}
