package dk.selvbetjening.portal.web;

import java.util.List;
import java.util.UUID;

import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceScope;

/** A published self-service in a list: the fields of {@link ServiceResponse} without the action page. */
record ServiceSummaryResponse(
        UUID id,
        String slug,
        String title,
        String shortDescription,
        SelfServiceKind kind,
        SelfServiceScope scope,
        LoginMethod loginMethod,
        Integer mandatoryWave,
        List<String> topics,
        List<FormReturn> formReturn,
        ServiceResponse.AuthorityResponse authority,
        String actionPageUrl,
        String startUrl) {
}
