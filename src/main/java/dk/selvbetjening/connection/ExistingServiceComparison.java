package dk.selvbetjening.connection;

import java.util.List;

/** For an EXISTING request: each field as published beside what the request proposes. */
public record ExistingServiceComparison(String serviceSlug, List<Row> rows) {

    /** One field: its message key, the published value, the proposed value, and whether they differ. */
    public record Row(String labelKey, String published, String proposed, boolean changed) {
    }
}
