package dk.selvbetjening.connection.web;

import static dk.selvbetjening.connection.web.ConnectionWebTestData.aTitle;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.aValidForm;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.fromOwnAddress;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.html;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.referenceAndToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.connection.ConnectionReviewService;
import dk.selvbetjening.shared.MutableClock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The status link: it stops working a set time after its request is closed, answering as a link that never worked
 * (with a Danish text that says whom to ask), and its token is never written to the log or the audit log.
 */
@SpringBootTest(properties = {"selvbetjening.connection.submissions-per-minute=1000",
        "logging.level.dk.selvbetjening=DEBUG", "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.security=DEBUG"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class StatusLinkTests {

    private static final String CONTACT = "Skriv til redaktionen på redaktion@selvbetjening.local";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ConnectionWebTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    ConnectionReviewService service;

    @Autowired
    AuditLog audit;

    @Autowired
    MutableClock clock;

    AuthorityDetails authority;
    TestAccount editor;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("Europe/Copenhagen"));
        }
    }

    @BeforeAll
    void authorityAndEditor() {
        authority = data.anAuthority();
        editor = accounts.editor();
    }

    private String[] submitted() {
        MvcTestResult result = mvc.post().uri("/tilslut").with(csrf()).with(fromOwnAddress())
                .params(aValidForm(aTitle(), authority)).exchange();
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        return referenceAndToken(result.getResponse().getRedirectedUrl());
    }

    private long version(String reference) {
        return service.forAccount(reference, editor.account()).version();
    }

    private void reject(String reference) {
        accounts.runAs(editor, () -> {
            service.take(reference, version(reference));
            return service.reject(reference, version(reference), "Den findes allerede.");
        });
    }

    private void approveAndPublish(String reference) {
        accounts.runAs(editor, () -> {
            service.take(reference, version(reference));
            service.approve(reference, version(reference));
            return service.publish(reference, version(reference));
        });
    }

    @Test
    void aStatusLinkStopsWorkingHalfAYearAfterItsRequestIsRejected() throws Exception {
        String[] rejected = submitted();
        clock.advance(Duration.ofDays(30));
        reject(rejected[0]);
        String status = "/tilslut/status/" + rejected[0] + "?token=" + rejected[1];

        clock.advance(Duration.ofDays(179));
        assertThat(mvc.get().uri(status)).hasStatusOk().bodyText().contains("Status: Afvist");
        assertThat(mvc.get().uri("/api/v1/connection-requests/" + rejected[0] + "?token=" + rejected[1]))
                .hasStatusOk();

        clock.advance(Duration.ofDays(2));
        MvcTestResult expired = mvc.get().uri(status).exchange();
        assertThat(expired).hasStatus(HttpStatus.NOT_FOUND);
        Document page = html(expired);
        assertThat(page.select("h1").text()).isEqualTo("Linket virker ikke");
        assertThat(page.select("main").text()).contains(CONTACT).contains("180 dage").doesNotContain("Afvist");
        assertThat(mvc.get().uri("/tilslut/kvittering/" + rejected[0] + "?token=" + rejected[1]))
                .hasStatus(HttpStatus.NOT_FOUND);

        MvcTestResult wrong = mvc.get().uri("/tilslut/status/" + rejected[0] + "?token=forkert").exchange();
        assertThat(wrong).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(html(wrong).select("main").text()).as("an expired link answers as a wrong one")
                .isEqualTo(page.select("main").text());

        MvcTestResult api = mvc.get().uri("/api/v1/connection-requests/" + rejected[0] + "?token=" + rejected[1])
                .exchange();
        assertThat(api).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api).bodyJson().extractingPath("$.detail").asString().contains(CONTACT);
        MvcTestResult apiWrong = mvc.get().uri("/api/v1/connection-requests/" + rejected[0] + "?token=forkert")
                .exchange();
        assertThat(apiWrong.getResponse().getContentAsString()).isEqualTo(api.getResponse().getContentAsString());
    }

    @Test
    void aStatusLinkStopsWorkingHalfAYearAfterItsServiceIsPublishedAndAnOpenRequestsLinkKeepsWorking() {
        String[] published = submitted();
        String[] open = submitted();
        approveAndPublish(published[0]);
        clock.advance(Duration.ofDays(181));
        assertThat(mvc.get().uri("/tilslut/status/" + published[0] + "?token=" + published[1]))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/tilslut/status/" + open[0] + "?token=" + open[1])).hasStatusOk();
    }

    @Test
    void theStatusTokenIsNeverWrittenToTheLogOrTheAuditLog(CapturedOutput output) {
        String[] submitted = submitted();
        String token = submitted[1];
        mvc.get().uri("/tilslut/kvittering/" + submitted[0] + "?token=" + token).exchange();
        mvc.get().uri("/tilslut/status/" + submitted[0] + "?token=" + token).exchange();
        mvc.get().uri("/api/v1/connection-requests/" + submitted[0] + "?token=" + token).exchange();
        accounts.runAs(editor, () -> {
            service.take(submitted[0], version(submitted[0]));
            return service.requestChanges(submitted[0], version(submitted[0]), "Ret titlen.");
        });
        assertThat(mvc.post().uri("/tilslut/status/" + submitted[0] + "?token=" + token).with(csrf())
                .params(aValidForm(aTitle(), authority)).exchange()).hasStatus(HttpStatus.SEE_OTHER);
        accounts.runAs(editor, () -> service.reject(submitted[0], version(submitted[0]), "Den findes allerede."));
        clock.advance(Duration.ofDays(365));
        mvc.get().uri("/tilslut/status/" + submitted[0] + "?token=" + token).exchange();

        assertThat(output.getAll()).doesNotContain(token);
        List<String> written = audit.latest(null, 0, 1000).getContent().stream()
                .map(e -> e.action() + " " + e.details()).toList();
        assertThat(written).isNotEmpty().noneMatch(entry -> entry.contains(token));
    }
}
