package dk.selvbetjening.connection;

import java.util.ArrayList;
import java.util.List;

/**
 * A duplicate warning as the submitter and the public API see it: a published self-service with the same URL
 * ({@code serviceSlug}, {@code serviceTitle}), or that another open request has it ({@code otherRequest}), never
 * which request or its title. A self-service citizens do not see is not mentioned.
 */
public record PublicDuplicate(String url, String serviceSlug, String serviceTitle, boolean otherRequest) {

    /** The warnings anyone may see, in order; other requests are one warning, however many there are. */
    static List<PublicDuplicate> of(List<DuplicateWarning> warnings) {
        List<PublicDuplicate> shown = new ArrayList<>();
        boolean otherRequest = false;
        for (DuplicateWarning warning : warnings) {
            boolean service = warning.serviceSlug() != null;
            if (service && warning.servicePublished()) {
                shown.add(new PublicDuplicate(warning.url(), warning.serviceSlug(), warning.serviceTitle(), false));
            } else if (!service && !otherRequest) {
                shown.add(new PublicDuplicate(warning.url(), null, null, true));
                otherRequest = true;
            }
        }
        return List.copyOf(shown);
    }
}
