package dk.selvbetjening.account;

import java.util.List;
import java.util.Map;

import dk.selvbetjening.authority.CvrNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the provider says about a person, read from the claims {@link StaffLoginProperties} names: the stable id,
 * name, e-mail and organisation CVR number (only one the provider may speak for). Only the CVR number chooses an
 * authority; no claim chooses a role.
 */
record StaffClaims(String subject, String displayName, String email, String cvrNumber) {

    private static final Logger LOG = LoggerFactory.getLogger(StaffClaims.class);
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
        return new StaffClaims(subject, displayName, email,
                organisation(cvr != null && CvrNumber.isValid(cvr) ? cvr : null, names.cvrNumbers()));
    }

    /**
     * The organisation the person acts for, as far as the provider may say: any when {@code allowed} is empty (a
     * national broker), otherwise one of {@code allowed} only (an authority's own login cannot speak for another
     * authority's staff), or the only one allowed when the token names none.
     */
    private static String organisation(String cvr, List<String> allowed) {
        if (allowed.isEmpty()) {
            return cvr;
        }
        if (cvr == null) {
            return allowed.size() == 1 ? allowed.get(0) : null;
        }
        if (!allowed.contains(cvr)) {
            LOG.info("An ID token named CVR number {}, which its provider may not speak for", cvr);
            return null;
        }
        return cvr;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }
}
