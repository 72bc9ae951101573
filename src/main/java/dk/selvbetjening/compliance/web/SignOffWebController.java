package dk.selvbetjening.compliance.web;

import java.time.Clock;
import java.time.LocalDate;

import dk.selvbetjening.compliance.AssessmentService;
import dk.selvbetjening.compliance.report.SignOffCsv;
import dk.selvbetjening.compliance.report.SignOffReport;
import dk.selvbetjening.shared.BadParameterException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The readiness sign-off (klarmelding) of a year: per authority and per wave, how many mandatory solutions are
 * signed off, pending or failing, with each solution listed; also as CSV and as a printable page.
 */
@Controller
class SignOffWebController {

    static final String BASE = "/redaktion/klarmelding";

    private final AssessmentService assessments;
    private final SignOffCsv csv;
    private final Clock clock;

    SignOffWebController(AssessmentService assessments, SignOffCsv csv, Clock clock) {
        this.assessments = assessments;
        this.csv = csv;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String report(@RequestParam(name = "aar", required = false) String year, Model model) {
        model.addAttribute("report", assessments.report(year(year)));
        model.addAttribute("currentYear", LocalDate.now(clock).getYear());
        return "compliance/sign-off";
    }

    @GetMapping(BASE + "/udskriv")
    String print(@RequestParam(name = "aar", required = false) String year, Model model) {
        model.addAttribute("report", assessments.report(year(year)));
        return "compliance/sign-off-print";
    }

    @GetMapping(BASE + ".csv")
    ResponseEntity<byte[]> csv(@RequestParam(name = "aar", required = false) String year) {
        SignOffReport report = assessments.report(year(year));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SignOffCsv.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("klarmelding-" + report.year() + ".csv").build().toString())
                .body(csv.write(report));
    }

    /** The year asked for, or this year; a year outside 2012-2100 or not a number is a 400. */
    private int year(String given) {
        if (given == null || given.isBlank()) {
            return LocalDate.now(clock).getYear();
        }
        try {
            int year = Integer.parseInt(given.strip());
            if (year >= 2012 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400
        }
        throw new BadParameterException("aar", "compliance.web.report.badYear");
    }
}
