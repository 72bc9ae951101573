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
     * The warnings anyone may see, in order (the self-services come before the other requests, {@link DuplicateCheck});
     * other requests are one warning at the end, however many there are, naming every municipality any of them shares
     * with the request.
     */
    static List<PublicDuplicate> of(List<DuplicateWarning> warnings) {
        List<PublicDuplicate> shown = new ArrayList<>();
        DuplicateWarning firstRequest = null;
        Set<String> requestMunicipalities = new LinkedHashSet<>();
        for (DuplicateWarning warning : warnings) {
            if (warning.serviceSlug() == null) {
                firstRequest = firstRequest == null ? warning : firstRequest;
                requestMunicipalities.addAll(warning.municipalities());
            } else if (warning.servicePublished()) {
                shown.add(new PublicDuplicate(warning.url(), warning.serviceSlug(), warning.serviceTitle(), false,
                        warning.municipalities()));
            }
        }
        if (firstRequest != null) {
            shown.add(new PublicDuplicate(firstRequest.url(), null, null, true, List.copyOf(requestMunicipalities)));
        }
        return List.copyOf(shown);
    }
}
