package dk.selvbetjening.actionpage.word;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import dk.selvbetjening.actionpage.PlannedDowntime;
import org.springframework.context.MessageSource;

/** The template's Danish texts from {@code i18n/docx.properties}, and the time format it uses. */
record DocxTexts(MessageSource messages) {

    static final Locale DANISH = Locale.forLanguageTag("da");
    static final ZoneId DANISH_TIME = PlannedDowntime.WRITTEN.getZone();
    /** How the template writes a time: Danish local time to the minute. */
    static final DateTimeFormatter TIME = PlannedDowntime.WRITTEN;

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DANISH);
    }

    String heading(TemplateSection section) {
        return text(section.headingKey());
    }

    String help(TemplateSection section) {
        return text(section.helpKey());
    }

    /** The texts the template itself writes besides headings: its title and every help line, skipped on import. */
    Set<String> fixedTexts() {
        Set<String> fixed = new LinkedHashSet<>();
        fixed.add(text("docx.document.title"));
        fixed.add(text("docx.document.help"));
        for (TemplateSection section : TemplateSection.values()) {
            fixed.add(help(section));
        }
        return fixed;
    }
}
