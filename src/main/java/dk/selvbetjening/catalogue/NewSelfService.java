package dk.selvbetjening.catalogue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The command to add a self-service to the catalogue, as a draft. */
public record NewSelfService(
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
        boolean demo) {
}
