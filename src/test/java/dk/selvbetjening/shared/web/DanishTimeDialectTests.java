package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class DanishTimeDialectTests {

    @Test
    void templatesCallDanishTimeAsDanishTime() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        engine.addDialect(new DanishTimeDialect());

        String html = engine.process("<p th:text=\"${#danishTime.dateTime(at)}\"></p>"
                + "<p th:text=\"${#danishTime.date(day)}\"></p>",
                new Context(null, Map.of("at", Instant.parse("2026-12-01T11:05:00Z"), "day", LocalDate.of(2026, 5, 1))));

        assertThat(html).isEqualTo("<p>1. december 2026 kl. 12.05</p><p>1. maj 2026</p>");
    }
}
