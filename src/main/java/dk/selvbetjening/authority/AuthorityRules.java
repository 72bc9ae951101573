package dk.selvbetjening.authority;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The register's rules for an authority's values, the same for the backoffice form, the API and every CSV row: a
 * name and a type; a valid CVR number (modulus 11) or none yet; a known municipality code for a municipality and
 * only for one; a known region code, optionally, for a region; an https homepage; a phone number and an e-mail
 * address that look like one. A CVR number, municipality code or region code belongs to one authority only.
 */
final class AuthorityRules {

    static final int NAME_MAX = 200;
    static final int URL_MAX = 500;
    static final int PHONE_MAX = 40;
    static final int EMAIL_MAX = 254;
    private static final int ECHO_MAX = 120;
    private static final String ERROR = "authority.error.";
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]+$");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{4}");

    private AuthorityRules() {
    }

    /** Who holds a CVR number, municipality code or region code: a stored authority, or a row earlier in a file. */
    record Holder(UUID id, String name, Long line) {
    }

    /** The reference data and who holds which CVR number and code; a file's rows are added as they are checked. */
    static final class Register {

        private final Map<Integer, String> municipalities = new HashMap<>();
        private final Map<Integer, String> regions = new HashMap<>();
        private final Map<String, Holder> byCvr = new HashMap<>();
        private final Map<Integer, Holder> byMunicipality = new HashMap<>();
        private final Map<Integer, Holder> byRegion = new HashMap<>();

        /** {@code municipalities} and {@code regions}: name by code; {@code authorities}: those stored. */
        Register(Map<Integer, String> municipalities, Map<Integer, String> regions,
                Collection<Authority> authorities) {
            this.municipalities.putAll(municipalities);
            this.regions.putAll(regions);
            authorities.forEach(a -> hold(a.values(), new Holder(a.id(), a.values().name(), null)));
        }

        /** Frees what {@code id} holds, before its new values are checked. */
        void release(UUID id) {
            byCvr.values().removeIf(h -> id.equals(h.id()));
            byMunicipality.values().removeIf(h -> id.equals(h.id()));
            byRegion.values().removeIf(h -> id.equals(h.id()));
        }

        void hold(AuthorityValues values, Holder holder) {
            if (values.cvrNumber() != null) {
                byCvr.put(values.cvrNumber(), holder);
            }
            if (values.municipalityCode() != null) {
                byMunicipality.put(values.municipalityCode(), holder);
            }
            if (values.regionCode() != null) {
                byRegion.put(values.regionCode(), holder);
            }
        }
    }

    /** The checked values, or what to fix (then {@code values} is null). */
    record Checked(AuthorityValues values, List<AuthorityFieldError> errors) {

        AuthorityValues orThrow() {
            if (!errors.isEmpty()) {
                throw new InvalidAuthorityException(errors);
            }
            return values;
        }
    }

    /** Checks {@code input} for the authority {@code self} (null for a new one) against what others hold. */
    static Checked check(AuthorityInput input, UUID self, Register register) {
        List<AuthorityFieldError> errors = new ArrayList<>();
        String name = text(input.name());
        if (name == null || name.length() > NAME_MAX) {
            errors.add(error("name", "name", NAME_MAX));
        }
        AuthorityType type = null;
        if (text(input.type()) == null) {
            errors.add(error("type", "type"));
        } else {
            type = AuthorityType.parse(input.type()).orElse(null);
            if (type == null) {
                errors.add(error("type", "type"));
            }
        }
        String cvr = cvr(input.cvrNumber(), self, register, errors);
        Integer municipality = municipality(input.municipalityCode(), type, self, register, errors);
        Integer region = region(input.regionCode(), type, self, register, errors);
        String homepage = homepage(input.homepageUrl(), errors);
        String phone = phone(input.contactPhone(), errors);
        String email = text(input.contactEmail());
        if (email != null && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            errors.add(error("contactEmail", "email", echo(email)));
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new AuthorityValues(name, type, cvr, municipality, region, homepage, phone, email), errors);
    }

    private static String cvr(String given, UUID self, Register register, List<AuthorityFieldError> errors) {
        String value = text(given);
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("\\s", "");
        if (digits.regionMatches(true, 0, "DK", 0, 2)) {
            digits = digits.substring(2);
        }
        if (!CvrNumber.isValid(digits)) {
            errors.add(error("cvrNumber", "cvr", echo(value)));
            return null;
        }
        taken(register.byCvr.get(digits), self, "cvrNumber", "cvr", digits, errors);
        return digits;
    }

    private static Integer municipality(String given, AuthorityType type, UUID self, Register register,
            List<AuthorityFieldError> errors) {
        String value = text(given);
        if (type != AuthorityType.MUNICIPALITY) {
            if (value != null && type != null) {
                errors.add(error("municipalityCode", "municipalityNotAllowed"));
            }
            return null;
        }
        if (value == null) {
            errors.add(error("municipalityCode", "municipalityMissing"));
            return null;
        }
        Optional<Integer> code = MunicipalityCode.parse(value).map(MunicipalityCode::value)
                .filter(register.municipalities::containsKey);
        if (code.isEmpty()) {
            errors.add(error("municipalityCode", "municipalityUnknown", echo(value)));
            return null;
        }
        taken(register.byMunicipality.get(code.get()), self, "municipalityCode", "municipality",
                code.get() + " (" + register.municipalities.get(code.get()) + ")", errors);
        return code.get();
    }

    private static Integer region(String given, AuthorityType type, UUID self, Register register,
            List<AuthorityFieldError> errors) {
        String value = text(given);
        if (value == null) {
            return null;
        }
        if (type != AuthorityType.REGION) {
            if (type != null) {
                errors.add(error("regionCode", "regionNotAllowed"));
            }
            return null;
        }
        Integer code = REGION_CODE.matcher(value).matches() ? Integer.valueOf(value) : null;
        if (code == null || !register.regions.containsKey(code)) {
            errors.add(error("regionCode", "regionUnknown", echo(value)));
            return null;
        }
        taken(register.byRegion.get(code), self, "regionCode", "region", register.regions.get(code), errors);
        return code;
    }

    /** A CVR number or code another authority holds ("…Taken"), or another row of the same file ("…InFile"). */
    private static void taken(Holder holder, UUID self, String field, String what, String value,
            List<AuthorityFieldError> errors) {
        if (holder == null || (self != null && self.equals(holder.id()))) {
            return;
        }
        if (holder.line() != null) {
            errors.add(error(field, what + "InFile", value, holder.line().toString()));
        } else {
            errors.add(error(field, what + "Taken", value, holder.name()));
        }
    }

    private static String homepage(String given, List<AuthorityFieldError> errors) {
        String value = text(given);
        if (value == null) {
            return null;
        }
        boolean ok;
        try {
            URI uri = new URI(value);
            ok = "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && value.length() <= URL_MAX;
        } catch (URISyntaxException e) {
            ok = false;
        }
        if (!ok) {
            errors.add(error("homepageUrl", "homepage", echo(value)));
            return null;
        }
        return value;
    }

    private static String phone(String given, List<AuthorityFieldError> errors) {
        String value = text(given);
        if (value == null) {
            return null;
        }
        long digits = value.chars().filter(Character::isDigit).count();
        if (value.length() > PHONE_MAX || !PHONE.matcher(value).matches() || value.indexOf('+', 1) >= 0
                || digits < 8 || digits > 15) {
            errors.add(error("contactPhone", "phone", echo(value)));
            return null;
        }
        return value;
    }

    private static AuthorityFieldError error(String field, String key, Object... arguments) {
        return new AuthorityFieldError(field, ERROR + key,
                java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }

    private static String text(String given) {
        return given == null || given.isBlank() ? null : given.strip();
    }

    private static String echo(String given) {
        return given.length() <= ECHO_MAX ? given : given.substring(0, ECHO_MAX) + "…";
    }
}
