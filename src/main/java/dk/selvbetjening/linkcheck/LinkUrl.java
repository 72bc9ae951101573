package dk.selvbetjening.linkcheck;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one spelling of a URL under which it is checked and stored, so that links differing only in case of scheme
 * or host, a default port or a fragment share one check. Only absolute http(s) URLs without user info qualify.
 */
final class LinkUrl {

    static final int MAX_LENGTH = 2000;

    private LinkUrl() {
    }

    /** The normalized URL, or empty when {@code url} is not an absolute http(s) URL we can check. */
    static Optional<String> normalize(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return normalize(asciiHost(new URI(url.strip())));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Resolves a redirect's {@code Location} against the URL that sent it; empty when it is no checkable URL. */
    static Optional<String> resolve(String base, String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        try {
            return normalize(asciiHost(new URI(base).resolve(new URI(location.strip().replace(" ", "%20")))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The host of a normalized URL, lower case, IPv6 addresses without brackets. */
    static String host(String normalizedUrl) {
        String host = URI.create(normalizedUrl).getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** A host with letters outside ASCII (hørsholm.dk) leaves {@link URI} without a host: spell it in ASCII. */
    private static URI asciiHost(URI uri) throws URISyntaxException {
        String authority = uri.getRawAuthority();
        if (uri.getHost() != null || authority == null || authority.contains("@") || authority.startsWith("[")) {
            return uri;
        }
        String host = authority;
        String port = "";
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && authority.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            host = authority.substring(0, colon);
            port = authority.substring(colon);
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return uri;
        }
        return new URI(uri.getScheme() + "://" + host + port + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private static Optional<String> normalize(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.isOpaque() || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        try {
            host = host.startsWith("[") ? host.toLowerCase(Locale.ROOT)
                    : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder normalized = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            normalized.append(':').append(port);
        }
        normalized.append(path);
        if (uri.getRawQuery() != null) {
            normalized.append('?').append(uri.getRawQuery());
        }
        try {
            String ascii = new URI(normalized.toString()).toASCIIString();
            return ascii.length() <= MAX_LENGTH ? Optional.of(ascii) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
