package dk.selvbetjening.actionpage.web;

import dk.selvbetjening.actionpage.GuideChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

    private final GuideChecks checks;

    ActionPageCheckApiController(GuideChecks checks) {
        this.checks = checks;
    }

    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "checkActionPage", summary = "Check an action page text against the portal's own guide rules; ERROR findings block "
            + "publishing, WARNING findings inform. Each text at most 10,000 characters")
    ActionPageCheckResponse check(@RequestBody ActionPageCheckRequest body) {
        return ActionPageCheckResponse.of(checks.check(body.toContent(), body.isMandatoryWave()));
    }
}
