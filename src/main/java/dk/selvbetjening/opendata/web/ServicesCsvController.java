package dk.selvbetjening.opendata.web;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalProperties;
import dk.selvbetjening.portal.PortalService;
import dk.selvbetjening.shared.ExcelCsv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every published self-service as one CSV file for Danish Excel ({@link ExcelCsv}: UTF-8 with BOM, semicolons,
 * CRLF): what the JSON API says of each, without the action page's text. Nothing private (no supplier).
 */
@RestController
@Tag(name = "Open data")
class ServicesCsvController {

    static final List<String> HEADER = List.of("id", "slug", "titel", "kort beskrivelse", "type", "omfang",
            "myndighed", "myndighedens CVR-nummer", "log-ind", "bølge", "emner", "nøgleord", "handlingsside",
            "start-URL", "kommuner med link", "opdateret");

    private final CitizenCatalogue catalogue;
    private final PortalProperties portal;

    ServicesCsvController(CitizenCatalogue catalogue, PortalProperties portal) {
        this.catalogue = catalogue;
        this.portal = portal;
    }

    @GetMapping(path = "/api/v1/services.csv", produces = ExcelCsv.MEDIA_TYPE)
    @Operation(summary = "Every published self-service as CSV for Danish Excel (UTF-8 BOM, semicolons, CRLF)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = ExcelCsv.MEDIA_TYPE,
                    schema = @Schema(type = "string"))))
    ResponseEntity<byte[]> csv() {
        List<List<String>> rows = new ArrayList<>();
        for (PortalService page : catalogue.snapshot().services()) {
            var service = page.service();
            long linked = page.links().values().stream().filter(link -> !link.isMissing()).count();
            rows.add(List.of(service.id().toString(), service.slug(), service.title(), service.shortDescription(),
                    service.kind().name(), service.scope().name(),
                    page.authority() == null ? "" : page.authority().name(),
                    page.authority() == null || page.authority().cvrNumber() == null ? ""
                            : page.authority().cvrNumber(),
                    service.loginMethod() == null ? "" : service.loginMethod().name(),
                    service.mandatoryWave() == null ? "" : service.mandatoryWave().toString(),
                    String.join(",", service.topics()), String.join(",", service.keywords()),
                    portal.absolute("/handlingsside/" + service.slug()),
                    page.isMunicipal() || service.url() == null ? "" : service.url(),
                    page.isMunicipal() ? Long.toString(linked) : "",
                    page.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString()));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ExcelCsv.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("selvbetjeninger.csv").build().toString())
                .body(ExcelCsv.write(HEADER, rows));
    }
}
