package dk.selvbetjening.municipallink.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import dk.selvbetjening.municipallink.ImportReport;
import dk.selvbetjening.municipallink.LinkFilter;
import dk.selvbetjening.municipallink.MunicipalLinkDetails;
import dk.selvbetjening.municipallink.MunicipalLinkProperties;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.shared.BadParameterException;
import dk.selvbetjening.shared.web.Problems;
import dk.selvbetjening.shared.web.RequestParameters;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Municipal links in the JSON API: the completeness matrix (public), its CSV export (public) and the CSV import
 * (an EDITOR, or a municipality's own editor for its rows; HTTP Basic).
 */
@RestController
@RequestMapping("/api/v1/municipal-links")
@Tag(name = "Municipal links")
class MunicipalLinkApiController {

    static final int MAX_SIZE = 1000;

    private final MunicipalLinkService links;
    private final MunicipalLinkParameters parameters;
    private final MunicipalLinkProperties properties;
    private final Problems problems;

    MunicipalLinkApiController(MunicipalLinkService links, MunicipalLinkParameters parameters,
            MunicipalLinkProperties properties, MessageSource messages) {
        this.links = links;
        this.parameters = parameters;
        this.properties = properties;
        this.problems = new Problems(messages);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Each published municipal self-service in each municipality: its link and status "
            + "(PRESENT, MISSING, BROKEN), by municipality code and then self-service title")
    MunicipalLinkPageResponse list(
            @Parameter(description = "Municipality code, e.g. 101") @RequestParam(required = false) String municipalityCode,
            @Parameter(description = "Slug of a published municipal self-service") @RequestParam(required = false) String service,
            @Parameter(description = "PRESENT, MISSING or BROKEN") @RequestParam(required = false) String status,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) String page,
            @Parameter(description = "Items per page, 1-1000 (default 100)") @RequestParam(required = false) String size) {
        LinkFilter filter = parameters.filter(municipalityCode, service, status);
        int pageNumber = RequestParameters.number("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = RequestParameters.number("size", size, 100, 1, MAX_SIZE);
        List<MunicipalLinkDetails> all = links.links(filter);
        long from = (long) pageNumber * pageSize;
        List<MunicipalLinkResponse> items = from >= all.size() ? List.of()
                : all.subList((int) from, (int) Math.min(all.size(), from + pageSize)).stream()
                        .map(MunicipalLinkResponse::of).toList();
        return new MunicipalLinkPageResponse(items, pageNumber, pageSize, all.size());
    }

    @GetMapping(path = "/completeness", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "How many links are present, missing and broken: in all, per published municipal "
            + "self-service and per municipality")
    CompletenessResponse completeness() {
        return CompletenessResponse.of(links.completeness());
    }

    @GetMapping(path = "/export", produces = "text/csv")
    @Operation(summary = "The links as CSV for Danish Excel (UTF-8 with BOM, semicolons, CRLF): fill in the column "
            + "\"Ny URL\" and upload the file to /import")
    @ApiResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> export(
            @Parameter(description = "Municipality code, e.g. 101") @RequestParam(required = false) String municipalityCode,
            @Parameter(description = "Slug of a published municipal self-service") @RequestParam(required = false) String service) {
        LinkFilter filter = parameters.filter(municipalityCode, service, null);
        return csv(links.exportCsv(filter), fileName(filter));
    }

    @PostMapping(path = "/import", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Imports a CSV file as exported, with \"Ny URL\" filled in where a link should change. Every "
            + "row is checked first; nothing is written unless all rows are valid or applyValidRows=true.")
    @ApiResponse(responseCode = "200", description = "Imported (or nothing to change)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReportResponse.class)))
    @ApiResponse(responseCode = "422", description = "The file has errors; nothing was written",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ImportProblem.class)))
    @ApiResponse(responseCode = "413", description = "The file is larger than allowed",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> importCsv(
            @Parameter(description = "The CSV file (multipart/form-data part \"file\")") @RequestParam(required = false) MultipartFile file,
            @Parameter(description = "Write the valid rows even when other rows have errors")
            @RequestParam(defaultValue = "false") boolean applyValidRows) {
        if (file == null || file.isEmpty()) {
            throw new BadParameterException("file", "municipallink.api.error.file");
        }
        if (file.getSize() > properties.maxUploadSize().toBytes()) {
            return tooLarge(problems, properties);
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportReport report = links.importCsv(content, applyValidRows);
        ImportReportResponse body = response(report);
        if (report.applied()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
                "municipallink.api.import.invalid.title",
                problems.text("municipallink.api.import.invalid.detail", report.invalid(), report.rows()));
        problem.setProperty("applied", false);
        problem.setProperty("counts", body.counts());
        problem.setProperty("errors", body.errors());
        return problems.respond(problem);
    }

    /** The 413 answer: the file is larger than the setting allows (also used when the servlet container says so). */
    static ResponseEntity<ProblemDetail> tooLarge(Problems problems, MunicipalLinkProperties properties) {
        return problems.respond(HttpStatus.CONTENT_TOO_LARGE, "municipallink.api.tooLarge.title",
                problems.text("municipallink.import.tooLarge", properties.maxUploadSize().toMegabytes()));
    }

    private ImportReportResponse response(ImportReport report) {
        return new ImportReportResponse(report.applied(),
                new ImportReportResponse.Counts(report.rows(), report.changed(), report.unchanged(), report.invalid()),
                report.errors().stream().map(e -> new ImportReportResponse.RowError(e.line(),
                        problems.text(e.messageKey(), e.argumentArray()))).toList());
    }

    static String fileName(LinkFilter filter) {
        StringBuilder name = new StringBuilder("kommunelinks");
        if (filter.municipalityCode() != null) {
            name.append('-').append(filter.municipalityCode());
        }
        if (filter.serviceSlug() != null) {
            name.append('-').append(filter.serviceSlug());
        }
        return name.append(".csv").toString();
    }

    static ResponseEntity<byte[]> csv(byte[] content, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName).build().toString())
                .body(content);
    }

    /** The shape of the 422 answer, for the API's description. */
    record ImportProblem(String type, String title, int status, String detail, boolean applied,
            ImportReportResponse.Counts counts, List<ImportReportResponse.RowError> errors) {
    }
}
