package dk.selvbetjening.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CSV import pages' common steps: read the uploaded file, show its report on the page after the upload
 * ({@code <import path>/rapport}, with the report as a flash attribute), and send a reader who opens the report
 * page without an upload back to the import page. Each import keeps its own checks and texts.
 */
public final class CsvUpload {

    /** The path of the report page below an import page. */
    public static final String REPORT = "/rapport";

    private CsvUpload() {
    }

    /** The file's bytes; the multipart parser already holds them, so a failure here is the server's fault. */
    public static byte[] content(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After an import: the report (and the file's name) to the report page below {@code importPath}. */
    public static String toReport(String importPath, MultipartFile file, Object report, RedirectAttributes redirect) {
        redirect.addFlashAttribute("report", report);
        redirect.addFlashAttribute("fileName", file.getOriginalFilename());
        return "redirect:" + importPath + REPORT;
    }

    /** The report page's view, or back to the import page when there is no report to show (opened directly). */
    public static String reportOrBack(Model model, String importPath, String view) {
        return model.containsAttribute("report") ? view : "redirect:" + importPath;
    }
}
