package dk.selvbetjening.portal.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A path on this site ("/handlingsside/x?y=z"), never another host: the only kind of returnTo we follow. Only
 * printable ASCII, so the path is already URL-encoded as our pages write it.
 */
final class LocalPath {

    private LocalPath() {
    }

    static boolean isLocal(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 1000
                || candidate.charAt(0) != '/' || candidate.startsWith("//") || candidate.startsWith("/\\")) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '\\') {
                return false;
            }
        }
        try {
            URI uri = new URI(candidate);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
