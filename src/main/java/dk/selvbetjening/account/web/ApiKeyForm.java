package dk.selvbetjening.account.web;

/**
 * The form that issues an API key: what it may do ({@code scope}: an authority's API, or only the metrics), which
 * authority the system acts for, a name that says which system it is, and how many days it works.
 */
record ApiKeyForm(String scope, String authorityId, String name, String validDays) {

    static ApiKeyForm empty(long defaultDays) {
        return new ApiKeyForm("AUTHORITY", "", "", Long.toString(defaultDays));
    }
}
