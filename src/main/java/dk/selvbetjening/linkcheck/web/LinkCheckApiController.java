package dk.selvbetjening.linkcheck.web;

import dk.selvbetjening.linkcheck.LinkCheckResult;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.shared.BadParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** On-demand link checks for editors: the answer is the outcome, with a Danish problem and fix. */
@RestController
@RequestMapping(path = "/api/v1/link-checks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Link checks")
class LinkCheckApiController {

    private final LinkCheckService checks;

    LinkCheckApiController(LinkCheckService checks) {
        this.checks = checks;
    }

    /** The body: the URL to check. */
    record LinkCheckRequest(String url) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('EDITOR')")
    @Operation(summary = "Check a URL now, politely (per-host limits apply), and answer the outcome (EDITOR)")
    LinkCheckResult check(@RequestBody LinkCheckRequest body) {
        if (body == null || body.url() == null || body.url().isBlank() || body.url().length() > 2000) {
            throw new BadParameterException("url", "linkcheck.api.url");
        }
        return checks.check(body.url().strip());
    }
}
