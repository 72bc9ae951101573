package dk.selvbetjening.opendata.web;

import java.nio.charset.StandardCharsets;

import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.opendata.CpsvAp;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Published self-services as CPSV-AP 3.2 JSON-LD: one by content negotiation on the JSON API's address
 * ({@code Accept: application/ld+json}; plain JSON stays the default there), all at {@code /api/v1/catalogue.jsonld}.
 */
@RestController
@Tag(name = "Open data")
class CpsvApiController {

    private static final MediaType JSON_LD = MediaType.parseMediaType(CpsvAp.MEDIA_TYPE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CitizenCatalogue catalogue;
    private final CpsvAp cpsvAp;

    CpsvApiController(CitizenCatalogue catalogue, CpsvAp cpsvAp) {
        this.catalogue = catalogue;
        this.cpsvAp = cpsvAp;
    }

    @GetMapping(path = "/api/v1/services/{slug}", produces = CpsvAp.MEDIA_TYPE)
    @Operation(summary = "A published self-service as a CPSV-AP 3.2 PublicService (JSON-LD)",
            description = "Asked for with Accept: application/ld+json; without it the address answers JSON.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = CpsvAp.MEDIA_TYPE,
                    schema = @Schema(type = "object"))))
    ResponseEntity<byte[]> service(@PathVariable String slug) {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        PortalService service = snapshot.service(slug).orElseThrow(() -> new SelfServiceNotFoundException(slug));
        return jsonLd(cpsvAp.service(snapshot, service));
    }

    @GetMapping(path = "/api/v1/catalogue.jsonld", produces = CpsvAp.MEDIA_TYPE)
    @Operation(summary = "Every published self-service as CPSV-AP 3.2 JSON-LD (one @graph)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = CpsvAp.MEDIA_TYPE,
                    schema = @Schema(type = "object"))))
    ResponseEntity<byte[]> catalogue() {
        return jsonLd(cpsvAp.catalogue(catalogue.snapshot()));
    }

    private static ResponseEntity<byte[]> jsonLd(ObjectNode document) {
        return ResponseEntity.ok().contentType(JSON_LD)
                .body(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
    }
}
