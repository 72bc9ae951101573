package dk.selvbetjening.account;

/**
 * What an API key may do (ADR 0028, 0034): act on the API for one authority, as its authority editors do; or only read
 * the metrics at {@code /actuator/prometheus} (a Prometheus scraper's key: no authority, no API, no backoffice).
 */
public enum ApiKeyScope {
    AUTHORITY,
    METRICS
}
