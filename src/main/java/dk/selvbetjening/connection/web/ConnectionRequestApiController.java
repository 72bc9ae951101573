package dk.selvbetjening.connection.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.connection.ConnectionIntakeService;
import dk.selvbetjening.connection.ConnectionRequestDetails;
import dk.selvbetjening.connection.ConnectionRequestNotFoundException;
import dk.selvbetjening.connection.ConnectionReviewService;
import dk.selvbetjening.connection.IdempotencyKeyReusedException;
import dk.selvbetjening.connection.IllegalTransitionException;
import dk.selvbetjening.connection.InvalidSubmissionException;
import dk.selvbetjening.connection.Receipt;
import dk.selvbetjening.connection.StaleRequestException;
import dk.selvbetjening.connection.StatusLinkNotFoundException;
import dk.selvbetjening.connection.SubmissionRateLimiter;
import dk.selvbetjening.shared.web.IfMatch;
import dk.selvbetjening.shared.web.Problems;
import dk.selvbetjening.shared.web.RateLimitedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Connection requests in the JSON API: anyone may submit; the submitter follows it with the status token;
 * editors review it with HTTP Basic, guarded by ETag/If-Match so no update is lost.
 */
@RestController
@RequestMapping(path = "/api/v1/connection-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Connection requests")
class ConnectionRequestApiController {

    private final ConnectionIntakeService intake;
    private final ConnectionReviewService review;
    private final SubmissionRateLimiter rateLimiter;
    private final Problems problems;

    ConnectionRequestApiController(ConnectionIntakeService intake, ConnectionReviewService review,
            SubmissionRateLimiter rateLimiter, MessageSource messages) {
        this.intake = intake;
        this.review = review;
        this.rateLimiter = rateLimiter;
        this.problems = new Problems(messages);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a connection request (no account needed); a repeat with the same Idempotency-Key "
            + "and the same body gets the first answer")
    @ApiResponse(responseCode = "201", description = "Stored (or a repeat of the same body: the first answer)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubmissionResponse.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body; nothing "
            + "was stored", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<SubmissionResponse> submit(@RequestBody SubmissionRequest body,
            @Parameter(description = "Any string of at most 200 characters; sending the same body again with it "
                    + "stores nothing and gets the first answer, another body gets 422")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest request) {
        rateLimiter.acquire(request);
        Receipt receipt = intake.submit(body.toSubmission(), idempotencyKey);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/connection-requests/{reference}").buildAndExpand(receipt.reference()).toUri();
        String statusUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path(receipt.statusPath())
                .build().toUriString();
        return ResponseEntity.created(location)
                .body(new SubmissionResponse(receipt.reference(), receipt.status().name(), statusUrl,
                        receipt.duplicates()));
    }

    @GetMapping("/{reference}")
    @Operation(summary = "A request, for editors, the owning authority's editors and the holder of its status token")
    ResponseEntity<ConnectionRequestResponse> get(@PathVariable String reference,
            @Parameter(description = "The status token from statusUrl") @RequestParam(required = false) String token,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        ConnectionRequestDetails details = visible(reference, token);
        if (details.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(details.etag()).build();
        }
        return ResponseEntity.ok().eTag(details.etag()).header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .body(ConnectionRequestResponse.of(details));
    }

    @PostMapping("/{reference}/take")
    @Operation(summary = "Take a submitted request into review (EDITOR; If-Match required)")
    ResponseEntity<ConnectionRequestResponse> take(@PathVariable String reference,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(review.take(reference, version(ifMatch)));
    }

    @PostMapping("/{reference}/request-changes")
    @Operation(summary = "Ask the submitter for changes, with a message (EDITOR; If-Match required)")
    ResponseEntity<ConnectionRequestResponse> requestChanges(@PathVariable String reference,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ReviewMessageRequest body) {
        return answer(review.requestChanges(reference, version(ifMatch), body.message()));
    }

    @PostMapping("/{reference}/reject")
    @Operation(summary = "Reject the request, with the reason (EDITOR; If-Match required)")
    ResponseEntity<ConnectionRequestResponse> reject(@PathVariable String reference,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ReviewMessageRequest body) {
        return answer(review.reject(reference, version(ifMatch), body.message()));
    }

    @PostMapping("/{reference}/approve")
    @Operation(summary = "Approve: a draft self-service (NEW) or pending changes (EXISTING) (EDITOR; If-Match required)")
    ResponseEntity<ConnectionRequestResponse> approve(@PathVariable String reference,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(review.approve(reference, version(ifMatch)));
    }

    @PostMapping("/{reference}/publish")
    @Operation(summary = "Publish the self-service an approved request created or changed (EDITOR; If-Match required)")
    ResponseEntity<PublishedResponse> publish(@PathVariable String reference,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(description = "Publish even though the URL was just found broken")
            @RequestParam(defaultValue = "false") boolean confirmBrokenLink) {
        var published = review.publish(reference, version(ifMatch), confirmBrokenLink);
        String actionPageUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/handlingsside/{slug}")
                .buildAndExpand(published.slug()).toUriString();
        return ResponseEntity.ok(new PublishedResponse(published.id(), published.slug(), actionPageUrl));
    }

    /** The published self-service. */
    record PublishedResponse(java.util.UUID serviceId, String slug, String actionPageUrl) {
    }

    private ConnectionRequestDetails visible(String reference, String token) {
        Optional<CurrentAccount> account = CurrentAccount.current();
        if (account.isPresent()) {
            try {
                return review.forAccount(reference, account.get());
            } catch (ConnectionRequestNotFoundException e) {
                if (token == null) {
                    throw e;
                }
            }
        }
        return intake.withToken(reference, token);
    }

    private static ResponseEntity<ConnectionRequestResponse> answer(ConnectionRequestDetails details) {
        return ResponseEntity.ok().eTag(details.etag()).body(ConnectionRequestResponse.of(details));
    }

    /** The version named by If-Match ("3" or W/"3"); absent → 428, unreadable → 412. */
    private static long version(String ifMatch) {
        return IfMatch.version(ifMatch, "connection.api.ifMatch")
                .orElseThrow(() -> new StaleRequestException("If-Match"));
    }

    @ExceptionHandler(InvalidSubmissionException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSubmissionException e) {
        return problems.invalid("connection.api.invalid", e.problems().stream()
                .map(problem -> new Problems.FieldError(problem.field(), problem.message())).toList());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> idempotencyKeyReused() {
        String detail = problems.text("connection.api.idempotencyKeyReused.detail");
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
                "connection.api.idempotencyKeyReused.title", detail);
        problem.setProperty("errors", List.of(new Problems.FieldError("Idempotency-Key", detail)));
        return problems.respond(problem);
    }

    /** An unknown, wrong or expired status link: one answer for all, saying whom to write to. */
    @ExceptionHandler(StatusLinkNotFoundException.class)
    ResponseEntity<ProblemDetail> statusLinkNotFound() {
        return problems.respond(HttpStatus.NOT_FOUND, "connection.statusLink.notFound.title",
                intake.statusLinkNotFoundText());
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> conflict(IllegalTransitionException e) {
        return problems.respond(HttpStatus.CONFLICT, "connection.api.conflict.title", e.getMessage());
    }

    @ExceptionHandler(StaleRequestException.class)
    ResponseEntity<ProblemDetail> stale() {
        return problems.respond(HttpStatus.PRECONDITION_FAILED, "connection.api.stale.title",
                problems.text("connection.error.stale"));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        return problems.respond(problems.problem(HttpStatus.TOO_MANY_REQUESTS, "connection.api.rateLimited.title",
                problems.text("connection.error.rateLimited")), RateLimitedException.retryAfterSeconds(e.retryAfter()));
    }
}
