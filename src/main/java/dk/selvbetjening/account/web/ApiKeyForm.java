package dk.selvbetjening.account.web;

/** The form that issues an API key: which authority the system acts for, and a name that says which system it is. */
record ApiKeyForm(String authorityId, String name) {

    static ApiKeyForm empty() {
        return new ApiKeyForm("", "");
    }
}
