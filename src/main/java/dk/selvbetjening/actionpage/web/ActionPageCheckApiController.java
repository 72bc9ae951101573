package dk.selvbetjening.actionpage.web;

import dk.selvbetjening.actionpage.guide.GuideChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the guide checks on an action page text, for anyone writing one (no account needed, nothing is stored). */
@RestController
@RequestMapping(path = "/api/v1/action-pages", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Action pages")
class ActionPageCheckApiController {

    static final String CHECK = "/api/v1/action-pages/check";

    private final GuideChecks checks;
    private final ActionPageWebLimits.Allowances allowances;

    ActionPageCheckApiController(GuideChecks checks, ActionPageWebLimits.Allowances allowances) {
        this.checks = checks;
        this.allowances = allowances;
    }

    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "checkActionPage", summary = "Check an action page text against the portal's own guide rules; ERROR findings block "
            + "publishing, WARNING findings inform. Each text at most 10,000 characters, the body at most 2 MB")
    @ApiResponse(responseCode = "200", description = "The findings and the LIX of each text")
    @ApiResponse(responseCode = "413", description = "The body is larger than 2 MB",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "Too many checks from this client; try again after Retry-After "
            + "seconds", content = @Content(mediaType = "application/problem+json"))
    ActionPageCheckResponse check(@RequestBody ActionPageCheckRequest body, HttpServletRequest request) {
        allowances.checks().acquire(request);
        return ActionPageCheckResponse.of(checks.check(body.toContent(), body.isMandatoryWave()));
    }
}
