package dk.selvbetjening.linkcheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dk.selvbetjening.account.AccountService;
import dk.selvbetjening.account.SecuredWebSlice;
import dk.selvbetjening.account.SecuredWebSlice.Logins;
import dk.selvbetjening.linkcheck.LinkCheckResult;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.linkcheck.LinkOutcome;
import dk.selvbetjening.linkcheck.LinkProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * On-demand link checks in the JSON API: editors only; the answer is the service's verdict, whole; a missing or
 * overlong URL is a Danish problem. How a URL is checked is {@code LinkCheckServiceTests}'; here the service is a
 * mock. HTTP Basic itself is {@code AccountSecurityTests}'.
 */
@WebMvcTest(LinkCheckApiController.class)
@SecuredWebSlice
class LinkCheckApiControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    LinkCheckService checks;

    @Autowired
    AccountService accounts;

    private MvcTestResult check(RequestPostProcessor login, String json) {
        var request = mvc.post().uri("/api/v1/link-checks").contentType(MediaType.APPLICATION_JSON).content(json);
        return (login == null ? request : request.with(login)).exchange();
    }

    @Test
    void editorsCheckAUrlOnDemandAndGetTheVerdictWithItsDanishProblem() {
        given(checks.check("https://www.kommune.dk/gone/x")).willReturn(new LinkCheckResult(
                "https://www.kommune.dk/gone/x", LinkOutcome.BROKEN, 404, "https://www.kommune.dk/gone/x", 0, 12, 1,
                Instant.parse("2026-11-26T10:00:00Z"), LinkProblem.NOT_FOUND, "Siden findes ikke (HTTP 404).",
                "Find sidens nye adresse."));
        assertThat(check(Logins.editor(accounts), "{\"url\": \"  https://www.kommune.dk/gone/x \"}")).hasStatusOk()
                .bodyJson().isStrictlyEqualTo("""
                {"url": "https://www.kommune.dk/gone/x", "outcome": "BROKEN", "httpStatus": 404,
                 "finalUrl": "https://www.kommune.dk/gone/x", "redirects": 0, "responseTimeMillis": 12,
                 "consecutiveFailures": 1, "checkedAt": "2026-11-26T10:00:00Z", "problemCode": "NOT_FOUND",
                 "problem": "Siden findes ikke (HTTP 404).", "suggestion": "Find sidens nye adresse."}""");
        then(checks).should().check("https://www.kommune.dk/gone/x");
    }

    @Test
    void onlyEditorsMayCheck() {
        assertThat(check(null, "{\"url\": \"https://www.kommune.dk/ok\"}")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(check(Logins.authorityEditor(accounts, UUID.randomUUID()), "{\"url\": \"https://www.kommune.dk/ok\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        then(checks).should(never()).check(any());
    }

    @Test
    void aMissingOrOverlongUrlIsADanishProblemNamingTheField() {
        String message = "Skriv den URL, der skal tjekkes, fx https://www.kommune.dk/ansoeg (højst 2000 tegn).";
        for (String body : new String[] {"{}", "{\"url\": \" \"}",
                "{\"url\": \"https://www.kommune.dk/" + "x".repeat(2000) + "\"}"}) {
            assertThat(check(Logins.editor(accounts), body)).as(body.length() > 100 ? "overlong" : body)
                    .hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                    .extractingPath("$.errors[0]").isEqualTo(Map.of("field", "url", "message", message));
        }
        then(checks).should(never()).check(any());
    }
}
