package dk.selvbetjening.portal.web;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A path on this site ("/handlingsside/x?y=z"), never another host: the only kind of returnTo we follow. Only
 * printable ASCII, so the path is already URL-encoded as our pages write it, and nothing a link may not hold.
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
            // the choice of municipality writes the path back with its own parameter: it must be valid for that too
            UriComponentsBuilder.fromUriString(candidate).build(true);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }
}
