package dk.selvbetjening.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class LinkCheckMessagesTests {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    LinkCheckMessagesTests() {
        messages.setBasename("i18n/linkcheck");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(false);
    }

    @ParameterizedTest
    @EnumSource(LinkProblem.class)
    void everyProblemHasADanishTextAndASuggestedFix(LinkProblem problem) {
        Object[] args = {"404", "https://www.kk.dk/ny", 2, 3500L, 1, 3, 3000L, 8};
        String text = messages.getMessage("linkcheck.problem." + problem.name(), args, LinkCheckService.DANISH);
        String fix = messages.getMessage("linkcheck.suggestion." + problem.name(), args, LinkCheckService.DANISH);
        assertThat(text).isNotBlank().doesNotContain("{");
        assertThat(fix).isNotBlank().doesNotContain("{");
    }

    @Test
    void theRedirectFixNamesTheFinalUrl() {
        Object[] args = {"200", "https://www.kk.dk/ny", 2, 120L, 0, 3, 3000L, 8};
        assertThat(messages.getMessage("linkcheck.suggestion.REDIRECTED", args, LinkCheckService.DANISH))
                .isEqualTo("Link direkte til den endelige adresse: https://www.kk.dk/ny");
    }

    @ParameterizedTest
    @EnumSource(LinkProblem.class)
    void theDatabaseAcceptsEveryProblemCode(LinkProblem problem) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V20__linkcheck_results.sql")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("'" + problem.name() + "'");
        }
    }
}
