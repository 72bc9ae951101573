package dk.selvbetjening.connection.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import dk.selvbetjening.actionpage.word.ActionPageDocx;
import dk.selvbetjening.actionpage.word.DocxImport;
import dk.selvbetjening.actionpage.word.DocxRejectedException;
import dk.selvbetjening.actionpage.word.DocxRejectedException.Reason;
import dk.selvbetjening.actionpage.web.ActionPageForm;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * A filled-in Word template uploaded on the connection form: read into the form's action page fields (the editor's
 * form, every element), with what could not be placed, in Danish. Nothing is stored.
 */
@Component
class ActionPageTemplateUpload {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final ActionPageDocx docx;
    private final MessageSource messages;

    ActionPageTemplateUpload(ActionPageDocx docx, MessageSource messages) {
        this.docx = docx;
        this.messages = messages;
    }

    /** The outcome: the fields and what was not placed, or the Danish reason the file was refused and its status. */
    record Result(ActionPageForm actionPage, List<String> unplaced, String error, HttpStatus status) {

        boolean refused() {
            return error != null;
        }
    }

    Result read(MultipartFile file) {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank()))) {
            return refused(text("docx.connection.noFile"), HttpStatus.BAD_REQUEST);
        }
        DocxImport imported;
        try (InputStream in = file.getInputStream()) {
            imported = docx.read(in, file.getSize());
        } catch (DocxRejectedException e) {
            return refused(e.getMessage(), switch (e.reason()) {
                case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
                case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
                default -> HttpStatus.BAD_REQUEST;
            });
        } catch (IOException e) {
            return refused(text("docx.rejected.UNREADABLE"), HttpStatus.BAD_REQUEST);
        }
        return new Result(ActionPageForm.of(imported.content()), imported.unplaced(), null, HttpStatus.OK);
    }

    /** The answer to a file over the limit, which was refused before it was read ({@code RequestSizeLimit}). */
    Result tooLarge() {
        Reason tooLarge = Reason.TOO_LARGE;
        return refused(text(tooLarge.messageKey(), tooLarge.arguments()), HttpStatus.CONTENT_TOO_LARGE);
    }

    /** The limit as the form's hint says it. */
    long maxMegabytes() {
        return ActionPageDocx.MAX_BYTES / (1024 * 1024);
    }

    private static Result refused(String error, HttpStatus status) {
        return new Result(ActionPageForm.empty(), List.of(), error, status);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DANISH);
    }
}
