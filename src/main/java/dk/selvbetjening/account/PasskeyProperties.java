package dk.selvbetjening.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relying party of the backoffice's passkeys (WebAuthn, ADR 0027). A passkey is bound to {@code rpId} for good:
 * changing it later makes every registered passkey useless, so production sets it to the backoffice's host name (or a
 * registrable domain above it) before the first passkey is registered.
 *
 * @param rpId the relying party id, a host name without scheme or port (e.g. {@code selvbetjening.borger.dk}); when
 *        empty, the host of the first allowed origin (environment SELVBETJENING_PASSKEYS_RP_ID)
 * @param rpName the name an authenticator shows next to the passkey
 * @param allowedOrigins the origins ({@code scheme://host[:port]}) the browser may be on when it uses a passkey: the
 *        addresses people open the backoffice at; defaults to the portal's public address
 *        (environment SELVBETJENING_PASSKEYS_ALLOWED_ORIGINS, comma separated). Each must be the rp id's host or
 *        below it, and https except on localhost (browsers allow WebAuthn over http there only)
 */
@ConfigurationProperties(prefix = "selvbetjening.passkeys")
public record PasskeyProperties(
        String rpId,
        @DefaultValue("Selvbetjening, redaktionen") String rpName,
        Set<String> allowedOrigins) {

    public PasskeyProperties {
        if (allowedOrigins == null || allowedOrigins.isEmpty()) {
            throw new IllegalArgumentException("selvbetjening.passkeys.allowed-origins must name at least one origin");
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String origin : allowedOrigins) {
            origins.add(origin(origin));
        }
        allowedOrigins = Set.copyOf(origins);
        if (rpId == null || rpId.isBlank()) {
            rpId = URI.create(origins.iterator().next()).getHost();
        }
        rpId = rpId.strip().toLowerCase(Locale.ROOT);
        for (String origin : origins) {
            String host = URI.create(origin).getHost();
            if (!host.equals(rpId) && !host.endsWith("." + rpId)) {
                throw new IllegalArgumentException("selvbetjening.passkeys.allowed-origins: " + origin
                        + " is not on selvbetjening.passkeys.rp-id " + rpId);
            }
        }
        if (rpName == null || rpName.isBlank()) {
            throw new IllegalArgumentException("selvbetjening.passkeys.rp-name must not be empty");
        }
    }

    /** {@code value} as an origin: scheme, host and port (when not the default), without path or trailing slash. */
    private static String origin(String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (host == null || !(scheme.equals("https") || (scheme.equals("http") && isLocal(host)))) {
                throw new IllegalArgumentException("selvbetjening.passkeys.allowed-origins: " + value
                        + " is not an https origin (http only on localhost)");
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                    || (scheme.equals("http") && port == 80);
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("selvbetjening.passkeys.allowed-origins: " + value
                    + " is not an origin", e);
        }
    }

    private static boolean isLocal(String host) {
        return host.equals("localhost") || host.endsWith(".localhost");
    }
}
