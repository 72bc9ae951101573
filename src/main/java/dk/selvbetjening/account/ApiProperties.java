package dk.selvbetjening.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the JSON API's callers log in (ADR 0028). Systems send an API key ({@code Authorization: Bearer <key>}).
 *
 * @param basicAuthEnabled whether people may also log in to the API with HTTP Basic and their password. On by default
 *        (the embedded database, development and the tests); off in the {@code postgres} profile, where a
 *        person's password then only ever goes to the login page
 * @param keyLifetime how long a new API key works when its creator does not say (ADR 0034)
 * @param keyMaxLifetime the longest an editor may let a key work
 * @param keyExpiryWarning how long before its expiry a key is shown as expiring on the key list and the start page
 */
@ConfigurationProperties(prefix = "selvbetjening.api")
public record ApiProperties(@DefaultValue("true") boolean basicAuthEnabled,
        @DefaultValue("365d") Duration keyLifetime,
        @DefaultValue("730d") Duration keyMaxLifetime,
        @DefaultValue("30d") Duration keyExpiryWarning) {

    public ApiProperties {
        if (keyLifetime.toDays() < 1 || keyMaxLifetime.compareTo(keyLifetime) < 0 || keyExpiryWarning.isNegative()) {
            throw new IllegalArgumentException("selvbetjening.api.key-lifetime must be at least a day and at most "
                    + "key-max-lifetime; key-expiry-warning must not be negative");
        }
    }

    /** The default lifetime in whole days, as the form offers it. */
    public long keyLifetimeDays() {
        return keyLifetime.toDays();
    }

    /** The longest lifetime in whole days. */
    public long keyMaxLifetimeDays() {
        return keyMaxLifetime.toDays();
    }
}
