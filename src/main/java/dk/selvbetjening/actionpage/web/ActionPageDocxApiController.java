package dk.selvbetjening.actionpage.web;

import java.io.IOException;
import java.io.InputStream;

import dk.selvbetjening.actionpage.word.ActionPageDocx;
import dk.selvbetjening.actionpage.word.DocxRejectedException;
import dk.selvbetjening.actionpage.word.DocxRejectedException.Reason;
import dk.selvbetjening.shared.BadParameterException;
import dk.selvbetjening.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Reading a filled-in Word template through the API (anyone; nothing is stored). */
@RestController
@RequestMapping("/api/v1/action-pages")
@Tag(name = "Action pages")
class ActionPageDocxApiController {

    static final String IMPORT = "/api/v1/action-pages/import";

    private final ActionPageDocx docx;
    private final Problems problems;
    private final ActionPageWebLimits.Allowances allowances;

    ActionPageDocxApiController(ActionPageDocx docx, MessageSource messages, ActionPageWebLimits.Allowances allowances) {
        this.docx = docx;
        this.problems = new Problems(messages);
        this.allowances = allowances;
    }

    @PostMapping(path = "/import", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Reads a filled-in Word template (.docx, at most 5 MB, as /tilslut/skabelon.docx) and answers "
            + "its action page and, in Danish, any text it could not place. Nothing is stored.")
    @ApiResponse(responseCode = "200", description = "The action page read from the file",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActionPageImportResponse.class)))
    @ApiResponse(responseCode = "400", description = "Not a .docx (also an old .doc or a password-protected file), "
            + "damaged, or unsafe to unpack (a zip bomb)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "The file is larger than 5 MB",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "Too many files from this client; try again after Retry-After "
            + "seconds", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Too many files are being read; try again after Retry-After seconds",
            content = @Content(mediaType = "application/problem+json"))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = ActionPageUpload.class)))
    ActionPageImportResponse importDocx(@Parameter(hidden = true) @RequestParam(required = false) MultipartFile file,
            HttpServletRequest request) throws IOException {
        allowances.imports().acquire(request);
        if (file == null) {
            throw new BadParameterException("file", "docx.api.error.file");
        }
        try (InputStream in = file.getInputStream()) {
            return ActionPageImportResponse.of(docx.read(in, file.getSize()));
        }
    }

    /** The request body's shape, for the API's description. */
    record ActionPageUpload(
            @Schema(type = "string", format = "binary", description = "The filled-in template, a .docx of at most 5 MB")
            String file) {
    }

    /** A refused file in Danish: 413 too large, 503 busy (try again after 10 seconds), 400 otherwise. */
    @ExceptionHandler(DocxRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(DocxRejectedException e) {
        Reason reason = e.reason();
        String detail = problems.text(reason.messageKey(), reason.arguments());
        ProblemDetail problem = switch (reason) {
            case TOO_LARGE -> problems.problem(HttpStatus.CONTENT_TOO_LARGE, "docx.api.tooLarge.title", detail);
            case BUSY -> problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "docx.api.busy.title", detail);
            default -> problems.problem(HttpStatus.BAD_REQUEST, "docx.api.rejected.title", detail);
        };
        return problems.respond(problem, reason == Reason.BUSY ? "10" : null);
    }
}
