package dk.selvbetjening.catalogue;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A self-service as other modules see it. {@code url} is null for a MUNICIPAL solution (each municipality has
 * its own); {@code mandatoryWave} and {@code kleNumber} are null when not set. {@code startWhenLinkBroken}: a
 * municipality's link found broken still shows the start button.
 */
public record SelfServiceDetails(
        UUID id,
        String slug,
        String title,
        String shortDescription,
        SelfServiceKind kind,
        SelfServiceScope scope,
        String url,
        Set<FormReturn> formReturn,
        UUID authorityId,
        String supplierName,
        String supplierEmail,
        LoginMethod loginMethod,
        Integer mandatoryWave,
        String kleNumber,
        List<String> topics,
        List<String> keywords,
        SelfServiceStatus status,
        boolean demo,
        boolean startWhenLinkBroken,
        Instant updatedAt) implements Serializable {

    public boolean isMunicipal() {
        return scope == SelfServiceScope.MUNICIPAL;
    }
}
