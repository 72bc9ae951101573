package dk.selvbetjening.actionpage.web;

import java.io.IOException;
import java.io.InputStream;

import dk.selvbetjening.actionpage.word.ActionPageDocx;
import dk.selvbetjening.actionpage.word.DocxRejectedException;
import dk.selvbetjening.actionpage.word.DocxRejectedException.Reason;
import dk.selvbetjening.shared.BadParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
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
    private final MessageSource messages;
    private final ActionPageWebLimits.Allowances allowances;

    ActionPageDocxApiController(ActionPageDocx docx, MessageSource messages, ActionPageWebLimits.Allowances allowances) {
        this.docx = docx;
        this.messages = messages;
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

    @ExceptionHandler(DocxRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(DocxRejectedException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(DocxProblems.status(e.reason()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.reason() == Reason.BUSY) {
            response.header(HttpHeaders.RETRY_AFTER, "10");
        }
        return response.body(DocxProblems.problem(messages, e.reason()));
    }
}
