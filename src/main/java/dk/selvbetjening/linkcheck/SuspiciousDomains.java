package dk.selvbetjening.linkcheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.Resource;

/**
 * The maintained list of suspicious domains. A host matches when it, or any domain it belongs to, is listed:
 * {@code evil.example} covers {@code www.evil.example}, not {@code notevil.example}. A link to such a host is never
 * requested.
 */
final class SuspiciousDomains {

    private final Set<String> domains;

    private SuspiciousDomains(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    static SuspiciousDomains of(Collection<String> lines) {
        Set<String> domains = new HashSet<>();
        for (String line : lines) {
            String entry = line.strip();
            int comment = entry.indexOf('#');
            if (comment >= 0) {
                entry = entry.substring(0, comment).strip();
            }
            if (entry.startsWith("*.")) {
                entry = entry.substring(2);
            }
            while (entry.startsWith(".")) {
                entry = entry.substring(1);
            }
            while (entry.endsWith(".")) {
                entry = entry.substring(0, entry.length() - 1);
            }
            if (!entry.isEmpty()) {
                domains.add(IDN.toASCII(entry, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
            }
        }
        return new SuspiciousDomains(domains);
    }

    /** Reads the list; a missing or unreadable resource stops start-up rather than checking without it. */
    static SuspiciousDomains load(Resource resource) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            return of(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the suspicious domains from " + resource, e);
        }
    }

    boolean matches(String host) {
        if (host == null || domains.isEmpty()) {
            return false;
        }
        String candidate = host.toLowerCase(Locale.ROOT);
        while (candidate.endsWith(".")) {
            candidate = candidate.substring(0, candidate.length() - 1);
        }
        if (candidate.contains(":")) {
            return domains.contains(candidate);
        }
        for (;;) {
            if (domains.contains(candidate)) {
                return true;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return false;
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    int size() {
        return domains.size();
    }
}
