package dk.selvbetjening.catalogue.web;

import java.time.Duration;
import java.util.List;

import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.TopicSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reference data")
class TopicApiController {

    private final SelfServiceService services;

    TopicApiController(SelfServiceService services) {
        this.services = services;
    }

    @GetMapping("/topics")
    @Operation(summary = "The portal's topics, in the portal's order")
    ResponseEntity<List<TopicSummary>> topics() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(services.topics());
    }
}
