package dk.selvbetjening.account;

import java.util.Map;

import dk.selvbetjening.authority.CvrNumber;

/**
 * What the provider says about a person, read from the claims {@link StaffLoginProperties} names: the stable id,
 * name, e-mail and organisation CVR number. Only the CVR number chooses an authority; no claim chooses a role.
 */
record StaffClaims(String subject, String displayName, String email, String cvrNumber) {

    private static final int MAX_SUBJECT = 500;

    /** The claims, or null when one that is needed is missing or malformed. */
    static StaffClaims from(Map<String, Object> claims, StaffLoginProperties names) {
        String subject = text(claims.get(names.subjectClaim()));
        String email = text(claims.get(names.emailClaim()));
        String name = text(claims.get(names.nameClaim()));
        String cvr = text(claims.get(names.organisationCvrClaim()));
        if (subject == null || subject.length() > MAX_SUBJECT || email == null || email.length() > 254) {
            return null;
        }
        String displayName = name == null ? email : name.length() > 200 ? name.substring(0, 200) : name;
        return new StaffClaims(subject, displayName, email, cvr != null && CvrNumber.isValid(cvr) ? cvr : null);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }
}
