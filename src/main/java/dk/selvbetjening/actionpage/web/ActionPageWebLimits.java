package dk.selvbetjening.actionpage.web;

import java.time.Clock;

import dk.selvbetjening.actionpage.word.ActionPageDocx;
import dk.selvbetjening.actionpage.ActionPageProperties;
import dk.selvbetjening.shared.web.RateLimiter;
import dk.selvbetjening.shared.web.RequestSizeLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What anyone may send the action pages' API: a Word template of at most 5 MB and a guide check of at most 2 MB,
 * refused before they are read, and each at most so many times a minute per client.
 */
@Configuration(proxyBeanMethods = false)
class ActionPageWebLimits {

    /** Eleven texts of 10,000 characters and 50 items of as many, with room for JSON's escapes. */
    static final long CHECK_MAX_BYTES = 2L * 1024 * 1024;

    /** The guide checks' and the imports' allowances per client. */
    record Allowances(RateLimiter checks, RateLimiter imports) {
    }

    @Bean
    Allowances actionPageAllowances(ActionPageProperties properties, Clock clock) {
        return new Allowances(new RateLimiter(properties.checksPerMinute(), clock),
                new RateLimiter(properties.importsPerMinute(), clock));
    }

    @Bean
    RequestSizeLimit docxImportSizeLimit() {
        return RequestSizeLimit.problem(ActionPageDocxApiController.IMPORT, ActionPageDocx.MAX_UPLOAD_BYTES,
                "docx.api.tooLarge.title", "docx.rejected.TOO_LARGE");
    }

    @Bean
    RequestSizeLimit guideCheckSizeLimit() {
        return RequestSizeLimit.problem(ActionPageCheckApiController.CHECK, CHECK_MAX_BYTES, "guide.api.tooLarge.title",
                "guide.api.tooLarge.detail");
    }
}
