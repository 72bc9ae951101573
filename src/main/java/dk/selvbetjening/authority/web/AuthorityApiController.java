package dk.selvbetjening.authority.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFilter;
import dk.selvbetjening.authority.AuthorityImportReport;
import dk.selvbetjening.authority.AuthorityNotFoundException;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.authority.InvalidAuthorityException;
import dk.selvbetjening.authority.StaleAuthorityException;
import dk.selvbetjening.shared.BadParameterException;
import dk.selvbetjening.shared.ExcelCsv;
import dk.selvbetjening.shared.web.IfMatch;
import dk.selvbetjening.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The authorities register in the JSON API. Reading is open (public information, as in the CVR register); editors
 * create and change authorities with HTTP Basic, a change guarded by ETag/If-Match, and load a CSV file.
 */
@RestController
@RequestMapping(path = "/api/v1/authorities", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Authorities")
class AuthorityApiController {

    private static final String TYPES = "STATE, REGION, MUNICIPALITY or PRIVATE";
    private static final String RETIRED = "Include retired authorities";

    private final AuthorityService authorities;
    private final Problems problems;

    AuthorityApiController(AuthorityService authorities, MessageSource messages) {
        this.authorities = authorities;
        this.problems = new Problems(messages);
    }

    @GetMapping
    @Operation(operationId = "listAuthorities",
            summary = "The authorities in the register, by name; complete false marks one without CVR number")
    List<AuthorityDetailsResponse> list(
            @Parameter(description = TYPES) @RequestParam(required = false) String type,
            @Parameter(description = RETIRED) @RequestParam(defaultValue = "false") boolean includeRetired) {
        return authorities.authorities(new AuthorityFilter(type(type), includeRetired, false)).stream()
                .map(AuthorityDetailsResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAuthority", summary = "One authority, retired or not, with its version as ETag")
    ResponseEntity<AuthorityDetailsResponse> get(@PathVariable String id) {
        AuthorityDetails authority = authorities.authority(id(id));
        return ResponseEntity.ok().eTag(authority.etag()).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(AuthorityDetailsResponse.of(authority));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createAuthority", summary = "Register an authority (EDITOR)")
    @ApiResponse(responseCode = "201", description = "Registered; Location names it, ETag is its version")
    @ApiResponse(responseCode = "400", description = "What to fix, per field in errors[]",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<AuthorityDetailsResponse> create(@RequestBody AuthorityRequest body) {
        AuthorityDetails created = authorities.create(body.toInput());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/authorities/{id}")
                .buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).eTag(created.etag()).body(AuthorityDetailsResponse.of(created));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "updateAuthority",
            summary = "Change an authority: every field as it should be (EDITOR; If-Match with the ETag required)")
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version")
    @ApiResponse(responseCode = "400", description = "What to fix, per field in errors[]",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "412", description = "Changed by someone else since the ETag was read",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<AuthorityDetailsResponse> update(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AuthorityRequest body) {
        UUID authorityId = id(id);
        authorities.authority(authorityId);
        long version = IfMatch.version(ifMatch, "authority.api.ifMatch").orElse(-1);
        AuthorityDetails changed = authorities.update(authorityId, version, body.toInput(), body.retired());
        return ResponseEntity.ok().eTag(changed.etag()).body(AuthorityDetailsResponse.of(changed));
    }

    @GetMapping(path = "/export", produces = "text/csv")
    @Operation(operationId = "exportAuthorities", summary = "The authorities as CSV for Danish Excel (UTF-8 with BOM, "
            + "semicolons, CRLF), in the columns /import reads back")
    @ApiResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> export(
            @Parameter(description = TYPES) @RequestParam(required = false) String type,
            @Parameter(description = RETIRED) @RequestParam(defaultValue = "false") boolean includeRetired) {
        return csv(authorities.exportCsv(new AuthorityFilter(type(type), includeRetired, false)));
    }

    @PostMapping(path = "/import",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(operationId = "importAuthorities", summary = "Import a CSV file of authorities (EDITOR): columns Navn "
            + "and Type required; Id names the authority a row changes, an empty Id makes a new one; a column left out "
            + "keeps each authority's value. Every row is checked first, and nothing is stored unless all rows are "
            + "valid.")
    @ApiResponse(responseCode = "200", description = "Imported", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AuthorityImportResponse.class)))
    @ApiResponse(responseCode = "422", description = "The file has errors; nothing was stored",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = AuthorityImportProblem.class)))
    @ApiResponse(responseCode = "413", description = "The file is larger than allowed",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> importCsv(
            @Parameter(description = "The CSV file (multipart/form-data part \"file\")")
            @RequestParam(required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new BadParameterException("file", "authority.import.error.noFile");
        }
        if (file.getSize() > AuthorityWebController.MAX_UPLOAD_BYTES) {
            return problems.respond(HttpStatus.CONTENT_TOO_LARGE, "authority.api.tooLarge.title",
                    problems.text("authority.import.error.tooLarge"));
        }
        AuthorityImportReport report;
        try {
            report = authorities.importCsv(file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AuthorityImportCounts counts = new AuthorityImportCounts(report.rows(), report.created(), report.changed(),
                report.unchanged(), report.invalid());
        List<AuthorityImportRowError> errors = report.errors().stream().map(e -> new AuthorityImportRowError(e.line(),
                e.column(), problems.text(e.messageKey(), e.argumentArray()))).toList();
        if (report.applied()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new AuthorityImportResponse(true, counts));
        }
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "authority.api.import.invalid.title",
                problems.text("authority.api.import.invalid.detail", report.invalid(), report.rows()));
        problem.setProperty("applied", false);
        problem.setProperty("counts", counts);
        problem.setProperty("errors", errors);
        return problems.respond(problem);
    }

    @ExceptionHandler(InvalidAuthorityException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAuthorityException e) {
        return problems.invalid("authority.api.invalid", e.errors().stream().map(error -> new Problems.FieldError(
                error.field(), problems.text(error.messageKey(), error.argumentArray()))).toList());
    }

    @ExceptionHandler(StaleAuthorityException.class)
    ResponseEntity<ProblemDetail> stale(StaleAuthorityException e) {
        return problems.respond(HttpStatus.PRECONDITION_FAILED, "authority.api.stale.title",
                problems.text(e.messageKey()));
    }

    /** The CSV file as a download, for the API and the backoffice alike. */
    static ResponseEntity<byte[]> csv(byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, ExcelCsv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("myndigheder.csv").build().toString())
                .body(content);
    }

    private static AuthorityType type(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        return AuthorityType.parse(given).orElseThrow(() -> new BadParameterException("type", "authority.api.badType"));
    }

    private static UUID id(String given) {
        try {
            return UUID.fromString(given);
        } catch (IllegalArgumentException e) {
            throw new AuthorityNotFoundException(given);
        }
    }

    /** How the import counted the rows: {@code rows = created + changed + unchanged + errors}. */
    record AuthorityImportCounts(int rows, int created, int changed, int unchanged, int errors) {
    }

    /** A stored import. */
    record AuthorityImportResponse(boolean applied, AuthorityImportCounts counts) {
    }

    /** One problem, in Danish, in one line of the file (the header is line 1) and the named column. */
    record AuthorityImportRowError(long line, String column, String message) {
    }

    /** The shape of the 422 answer, for the API's description. */
    record AuthorityImportProblem(String type, String title, int status, String detail, boolean applied,
            AuthorityImportCounts counts, List<AuthorityImportRowError> errors) {
    }
}
