package dk.selvbetjening.authority.web;

import java.util.List;

import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.MunicipalitySummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reference data")
class MunicipalityApiController {

    private final AuthorityService authorities;

    MunicipalityApiController(AuthorityService authorities) {
        this.authorities = authorities;
    }

    @GetMapping("/municipalities")
    @Operation(summary = "The 98 municipalities with their codes and region codes")
    ResponseEntity<List<MunicipalitySummary>> municipalities() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(authorities.municipalities());
    }
}
