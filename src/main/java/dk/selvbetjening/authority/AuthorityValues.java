package dk.selvbetjening.authority;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An authority's checked values: what {@link AuthorityRules} found valid, ready for the entity. */
record AuthorityValues(String name, AuthorityType type, String cvrNumber, Integer municipalityCode, Integer regionCode,
        String homepageUrl, String contactPhone, String contactEmail) {

    /** "navn: A → B; CVR-nummer: (mangler) → 29189919": the fields that differ from {@code before}, for the log. */
    String changesSince(AuthorityValues before) {
        List<String> changes = new ArrayList<>();
        change(changes, "navn", before.name, name);
        change(changes, "type", before.type.csvWord(), type.csvWord());
        change(changes, "CVR-nummer", before.cvrNumber, cvrNumber);
        change(changes, "kommunekode", before.municipalityCode, municipalityCode);
        change(changes, "regionskode", before.regionCode, regionCode);
        change(changes, "hjemmeside", before.homepageUrl, homepageUrl);
        change(changes, "telefon", before.contactPhone, contactPhone);
        change(changes, "e-mail", before.contactEmail, contactEmail);
        return String.join("; ", changes);
    }

    /** "Aarhus Kommune, kommune, CVR-nummer 55133018, kommunekode 751", for the audit log of a new authority. */
    String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(name);
        parts.add(type.csvWord());
        parts.add(cvrNumber == null ? "uden CVR-nummer" : "CVR-nummer " + cvrNumber);
        if (municipalityCode != null) {
            parts.add("kommunekode " + municipalityCode);
        }
        if (regionCode != null) {
            parts.add("regionskode " + regionCode);
        }
        return String.join(", ", parts);
    }

    private static void change(List<String> changes, String label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(label + ": " + shown(before) + " → " + shown(after));
        }
    }

    private static String shown(Object value) {
        return value == null ? "(mangler)" : value.toString();
    }
}
