package dk.selvbetjening.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the JSON API's callers log in (ADR 0028). Systems send an API key ({@code Authorization: Bearer <key>}).
 *
 * @param basicAuthEnabled whether people may also log in to the API with HTTP Basic and their password. On by default
 *        (the embedded database, development and the tests); off in the {@code postgres} profile, where a
 *        person's password then only ever goes to the login page
 */
@ConfigurationProperties(prefix = "selvbetjening.api")
public record ApiProperties(@DefaultValue("true") boolean basicAuthEnabled) {
}
