package dk.selvbetjening.catalogue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The absolute http(s) address of a solution, without user credentials. The only addresses the portal ever
 * redirects a citizen to are ones registered as a {@code ServiceUrl}.
 */
public record ServiceUrl(String value) {

    public ServiceUrl {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not an absolute http(s) URL without credentials: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http"))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The form two URLs are compared in: lower-case scheme and host, no fragment, no trailing slash. An invalid
     * URL is returned trimmed.
     */
    public static String normalize(String url) {
        if (url == null) {
            return "";
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return scheme + "://" + host + port + path + query;
        } catch (URISyntaxException e) {
            return url.strip();
        }
    }

    /** The host the citizen lands on, e.g. "www.kk.dk". */
    public String host() {
        return URI.create(value).getHost();
    }

    @Override
    public String toString() {
        return value;
    }
}
