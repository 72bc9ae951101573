package dk.selvbetjening.account;

/**
 * The JSON API's endpoints that anyone may call without logging in. The API's security chain opens exactly these
 * (and the API browser); every other {@code /api/**} request needs an account, so an endpoint added without being
 * listed here is closed. Patterns are written as the controllers map them; {@code ApiAccessTests} checks every
 * mapped endpoint against this list.
 */
final class PublicApi {

    /**
     * Reading: reference data, published self-services and their links, the requirement catalogue, the authorities
     * register (public information: names, CVR numbers, contact details of public bodies). Two answer
     * only part of what they map, decided by the service behind them: a self-service's assessment (anyone for a
     * published one; otherwise the owning authority's editors and editors, 404 to anyone else) and a connection
     * request (its status token is the credential; editors and the owning authority's editors by their login).
     */
    static final String[] GET = {
            "/api/v1/municipalities",
            "/api/v1/topics",
            "/api/v1/services",
            "/api/v1/services/{slug}",
            "/api/v1/services.csv",
            "/api/v1/catalogue.jsonld",
            "/api/v1/changes",
            "/api/v1/services/{slug}/assessment",
            "/api/v1/requirements",
            "/api/v1/municipal-links",
            "/api/v1/municipal-links/completeness",
            "/api/v1/municipal-links/export",
            "/api/v1/connection-requests/{reference}",
            "/api/v1/authorities",
            "/api/v1/authorities/{id}",
            "/api/v1/authorities/export",
            "/api/v1/search",
            "/api/v1/search/suggest",
    };

    /** Writing without an account: a connection request (rate-limited), and checks that store nothing. */
    static final String[] POST = {
            "/api/v1/connection-requests",
            "/api/v1/action-pages/check",
            "/api/v1/action-pages/import",
    };

    /**
     * Writes for editors only: the authorities register and the review of connection requests. The services check the
     * role too; refusing them here answers 403 before the body, {@code If-Match} or the reference is looked at, so a
     * caller without the role learns nothing about the request it sent.
     */
    static final String[] EDITORS_ONLY_POST = {
            "/api/v1/authorities",
            "/api/v1/authorities/import",
            "/api/v1/connection-requests/*/*",
    };

    /** See {@link #EDITORS_ONLY_POST}. */
    static final String[] EDITORS_ONLY_PUT = {
            "/api/v1/authorities/*",
    };

    private PublicApi() {
    }
}
