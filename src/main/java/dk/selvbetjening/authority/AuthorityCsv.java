package dk.selvbetjening.authority;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.selvbetjening.shared.ExcelCsv;

/**
 * The authorities file, for Danish Excel ({@link ExcelCsv}): the export's columns, which an import reads back. An
 * import needs {@link #NAME} and {@link #TYPE}; {@link #ID} names the authority a row changes (empty: a new one); a
 * column left out of the file keeps each authority's value; {@link #STATUS} is only read by people.
 */
final class AuthorityCsv {

    static final String ID = "Id";
    static final String NAME = "Navn";
    static final String TYPE = "Type";
    static final String CVR = "CVR-nummer";
    static final String MUNICIPALITY = "Kommunekode";
    static final String REGION = "Regionskode";
    static final String HOMEPAGE = "Hjemmeside";
    static final String PHONE = "Telefon";
    static final String EMAIL = "E-mail";
    static final String STATUS = "Status";
    static final List<String> HEADER = List.of(ID, NAME, TYPE, CVR, MUNICIPALITY, REGION, HOMEPAGE, PHONE, EMAIL,
            STATUS);
    static final List<String> REQUIRED = List.of(NAME, TYPE);
    /** The column of each field that {@link AuthorityRules} names in its errors. */
    static final Map<String, String> COLUMN_OF_FIELD = Map.of("name", NAME, "type", TYPE, "cvrNumber", CVR,
            "municipalityCode", MUNICIPALITY, "regionCode", REGION, "homepageUrl", HOMEPAGE, "contactPhone", PHONE,
            "contactEmail", EMAIL);
    static final String ACTIVE = "Aktiv";
    static final String RETIRED = "Nedlagt";
    static final String INCOMPLETE = "Mangler CVR-nummer";

    private AuthorityCsv() {
    }

    static byte[] write(List<AuthorityDetails> authorities) {
        List<List<String>> rows = new ArrayList<>(authorities.size());
        for (AuthorityDetails a : authorities) {
            rows.add(List.of(a.id().toString(), a.name(), a.type().csvWord(), orEmpty(a.cvrNumber()),
                    orEmpty(a.municipalityCode()), orEmpty(a.regionCode()), orEmpty(a.homepageUrl()),
                    orEmpty(a.contactPhone()), orEmpty(a.contactEmail()),
                    a.isRetired() ? RETIRED : a.isComplete() ? ACTIVE : INCOMPLETE));
        }
        return ExcelCsv.write(HEADER, rows);
    }

    /**
     * The row as input: a column the file has gives the value (an empty cell clears it); a column it lacks keeps
     * {@code current}'s value (nothing, for a new authority).
     */
    static AuthorityInput input(ExcelCsv.Parsed file, ExcelCsv.Line line, AuthorityDetails current) {
        AuthorityInput kept = current == null ? new AuthorityInput(null, null, null, null, null, null, null, null)
                : AuthorityInput.of(current);
        return new AuthorityInput(cell(file, line, NAME, kept.name()), cell(file, line, TYPE, kept.type()),
                cell(file, line, CVR, kept.cvrNumber()), cell(file, line, MUNICIPALITY, kept.municipalityCode()),
                cell(file, line, REGION, kept.regionCode()), cell(file, line, HOMEPAGE, kept.homepageUrl()),
                cell(file, line, PHONE, kept.contactPhone()), cell(file, line, EMAIL, kept.contactEmail()));
    }

    private static String cell(ExcelCsv.Parsed file, ExcelCsv.Line line, String column, String kept) {
        return file.has(column) ? ExcelCsv.untext(line.get(file, column)) : kept;
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
