package dk.selvbetjening.municipallink;

import java.util.List;

/** The municipal link file's columns; the file format is {@link dk.selvbetjening.shared.ExcelCsv}'s. */
final class MunicipalLinkCsv {

    static final String CODE = "Kommunekode";
    static final String MUNICIPALITY = "Kommune";
    static final String SERVICE = "Selvbetjening";
    static final String SERVICE_TITLE = "Selvbetjeningens navn";
    static final String TITLE = "Titel";
    static final String URL = "URL";
    static final String STATUS = "Status";
    static final String CHECKED = "Senest tjekket";
    static final String NEW_URL = "Ny URL";
    /** The link file's columns; an import needs {@link #CODE}, {@link #SERVICE} and {@link #NEW_URL} and ignores the rest. */
    static final List<String> LINK_HEADER = List.of(CODE, MUNICIPALITY, SERVICE, SERVICE_TITLE, TITLE, URL, STATUS,
            CHECKED, NEW_URL);
    static final List<String> REQUIRED = List.of(CODE, SERVICE, NEW_URL);

    private MunicipalLinkCsv() {
    }
}
