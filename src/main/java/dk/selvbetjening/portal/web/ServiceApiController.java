package dk.selvbetjening.portal.web;

import java.util.List;
import java.util.Locale;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.MunicipalityCode;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalService;
import dk.selvbetjening.shared.BadParameterException;
import dk.selvbetjening.shared.web.RequestParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The read API of published self-services, served from the citizen catalogue in memory. */
@RestController
@RequestMapping(path = "/api/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Self-services")
class ServiceApiController {

    static final int MAX_SIZE = 100;
    private static final String RESPONSIBLE = "authority is the authority responsible for the solution: for a "
            + "municipal solution with municipalityCode, that municipality (only name, type and municipalityCode "
            + "when it has no authority record); otherwise the owner.";
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final CitizenCatalogue catalogue;
    private final MessageSource messages;

    ServiceApiController(CitizenCatalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping("/{slug}")
    @Operation(summary = "A published self-service with its action page; startUrl resolved for the municipality",
            description = RESPONSIBLE)
    ServiceResponse service(@PathVariable String slug,
            @Parameter(description = "Municipality code, e.g. 101") @RequestParam(required = false) String municipalityCode) {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        Integer code = municipality(municipalityCode, snapshot);
        PortalService page = snapshot.service(slug).orElseThrow(() -> new SelfServiceNotFoundException(slug));
        ServiceSummaryResponse summary = summary(snapshot, page, code);
        ActionPageContent content = page.actionPage();
        return new ServiceResponse(summary.id(), summary.slug(), summary.title(), summary.shortDescription(),
                summary.kind(), summary.scope(), summary.loginMethod(), summary.mandatoryWave(), summary.topics(),
                summary.formReturn(), summary.authority(), summary.actionPageUrl(), summary.startUrl(),
                new ServiceResponse.ActionPageResponse(content.title(), content.intro(), content.beforeYouStart(),
                        content.effectiveStartLabel(), content.continuesOn(),
                        messages.getMessage("loginMethod." + page.service().loginMethod(), null, DANISH),
                        content.alternatives(), content.afterwards(), content.moreInformation(), content.rules(),
                        content.fees(), content.deadlines(), content.plannedDowntime() == null ? null
                                : new ServiceResponse.PlannedDowntimeResponse(content.plannedDowntime().from(),
                                        content.plannedDowntime().until(), content.plannedDowntime().message()),
                        page.updatedAt()));
    }

    @GetMapping
    @Operation(summary = "Published self-services, optionally in one topic; startUrl resolved for the municipality",
            description = RESPONSIBLE)
    ServicePageResponse services(
            @Parameter(description = "Topic slug") @RequestParam(required = false) String topic,
            @Parameter(description = "Municipality code, e.g. 101") @RequestParam(required = false) String municipalityCode,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) String page,
            @Parameter(description = "Items per page, 1-100 (default 20)") @RequestParam(required = false) String size) {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        Integer code = municipality(municipalityCode, snapshot);
        int pageNumber = RequestParameters.number("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = RequestParameters.number("size", size, 20, 1, MAX_SIZE);
        List<PortalService> all;
        if (topic == null || topic.isBlank()) {
            all = snapshot.services();
        } else {
            snapshot.topic(topic).orElseThrow(() -> new BadParameterException("topic", "api.error.topic", topic));
            all = snapshot.servicesIn(topic);
        }
        long from = (long) pageNumber * pageSize;
        List<ServiceSummaryResponse> items = from >= all.size() ? List.of()
                : all.subList((int) from, (int) Math.min(all.size(), from + pageSize)).stream()
                        .map(s -> summary(snapshot, s, code)).toList();
        return new ServicePageResponse(items, pageNumber, pageSize, all.size());
    }

    /**
     * {@code authority}: who answers for the solution — for a municipal one with a municipality given, that
     * municipality (only its name and code when it has no authority record); otherwise the owner.
     */
    private ServiceSummaryResponse summary(CitizenCatalogue.Snapshot snapshot, PortalService page,
            Integer municipalityCode) {
        var service = page.service();
        AuthorityDetails authority = snapshot.responsible(page, municipalityCode).orElse(page.authority());
        var builder = ServletUriComponentsBuilder.fromCurrentContextPath().path("/handlingsside/{slug}");
        if (municipalityCode != null) {
            builder.queryParam("kommunekode", municipalityCode);
        }
        return new ServiceSummaryResponse(service.id(), service.slug(), service.title(), service.shortDescription(),
                service.kind(), service.scope(), service.loginMethod(), service.mandatoryWave(), service.topics(),
                service.formReturn().stream().sorted().toList(),
                authority == null ? null : new ServiceResponse.AuthorityResponse(authority.id(), authority.name(),
                        authority.type().name(), authority.cvrNumber(), authority.municipalityCode(),
                        authority.homepageUrl(), authority.contactPhone(), authority.contactEmail()),
                builder.buildAndExpand(service.slug()).encode().toUriString(),
                page.startUrl(municipalityCode).orElse(null));
    }

    private static Integer municipality(String given, CitizenCatalogue.Snapshot snapshot) {
        return MunicipalityCode.parameter(given, snapshot::municipality).map(MunicipalitySummary::code).orElse(null);
    }
}
