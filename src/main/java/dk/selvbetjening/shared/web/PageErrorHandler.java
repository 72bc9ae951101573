package dk.selvbetjening.shared.web;

import java.util.Locale;

import dk.selvbetjening.shared.BadParameterException;
import dk.selvbetjening.shared.NotFoundException;
import dk.selvbetjening.shared.RefusedException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Renders "not found" on the pages as the Danish 404 page, a bad link parameter as a Danish 400 page, and a refusal
 * with what is missing as a Danish 409 page.
 */
@ControllerAdvice
class PageErrorHandler {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final MessageSource messages;

    PageErrorHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(RefusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(RefusedException e, Model model) {
        model.addAttribute("title", messages.getMessage(e.titleKey(), null, DANISH));
        model.addAttribute("missing", e.reasons());
        return "error/409";
    }

    @ExceptionHandler(BadParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badParameter(BadParameterException e, Model model) {
        model.addAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), DANISH));
        return "error/400";
    }
}
