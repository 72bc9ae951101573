package dk.selvbetjening.connection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A duplicate warning as the submitter and the public API see it: a published self-service with the same URL
 * ({@code serviceSlug}, {@code serviceTitle}), or that another open request has it ({@code otherRequest}), never
 * which request or its title. A self-service citizens do not see is not mentioned. {@code municipalities}: for a
 * municipal request, the municipalities whose link has that URL (empty for a request's own URL).
 */
public record PublicDuplicate(String url, String serviceSlug, String serviceTitle, boolean otherRequest,
        List<String> municipalities) {

    public PublicDuplicate {
        municipalities = List.copyOf(municipalities);
    }

    /**
     * The warnings anyone may see, in order; other requests are one warning, however many there are (naming every
     * municipality any of them shares with the request).
     */
    static List<PublicDuplicate> of(List<DuplicateWarning> warnings) {
        List<PublicDuplicate> shown = new ArrayList<>();
        String otherRequestUrl = null;
        Set<String> otherRequestMunicipalities = new LinkedHashSet<>();
        int otherRequestAt = -1;
        for (DuplicateWarning warning : warnings) {
            boolean service = warning.serviceSlug() != null;
            if (service && warning.servicePublished()) {
                shown.add(new PublicDuplicate(warning.url(), warning.serviceSlug(), warning.serviceTitle(), false,
                        warning.municipalities()));
            } else if (!service) {
                if (otherRequestAt < 0) {
                    otherRequestAt = shown.size();
                    otherRequestUrl = warning.url();
                    shown.add(null);
                }
                otherRequestMunicipalities.addAll(warning.municipalities());
            }
        }
        if (otherRequestAt >= 0) {
            shown.set(otherRequestAt, new PublicDuplicate(otherRequestUrl, null, null, true,
                    List.copyOf(otherRequestMunicipalities)));
        }
        return List.copyOf(shown);
    }
}
