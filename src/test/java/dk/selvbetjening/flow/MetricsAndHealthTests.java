package dk.selvbetjening.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.portal.PortalTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The actuator through the application's security: health probes open, the Prometheus metrics for editors only, and
 * the application's own meters in them after a start and a link check.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MetricsAndHealthTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    PortalTestData data;

    @Autowired
    LinkCheckService links;

    private MvcTestResult prometheus(String authorization) {
        var request = mvc.get().uri("/actuator/prometheus");
        return authorization == null ? request.exchange()
                : request.header(HttpHeaders.AUTHORIZATION, authorization).exchange();
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        assertThat(matcher.find()).as(series + " in\n" + scrape).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void theMetricsNeedAnEditorOverHttpBasic() {
        assertThat(prometheus(null)).hasStatus(HttpStatus.UNAUTHORIZED);
        AccountFixtures.TestAccount authorityEditor = accounts.authorityEditor(data.stateAuthority().id());
        assertThat(prometheus(authorityEditor.basic())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(prometheus("Basic " + java.util.Base64.getEncoder().encodeToString(
                (accounts.editor().email() + ":forkert").getBytes()))).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(prometheus(accounts.editor().basic())).hasStatus(HttpStatus.OK);
    }

    @Test
    void otherActuatorEndpointsAreClosedToo() {
        assertThat(mvc.get().uri("/actuator/metrics").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theMetricsCountStartsLinkChecksTheOutboxJobsAndTheCitizenSnapshot() throws Exception {
        String editor = accounts.editor().basic();
        String before = prometheus(editor).getResponse().getContentAsString();
        double municipalBefore = value(before, "selvbetjening_starts_total{kind=\"municipal\"}");
        double nationalBefore = value(before, "selvbetjening_starts_total{kind=\"national\"}");

        SelfServiceDetails municipal = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/metrics"));
        SelfServiceDetails national = data.publishedNational("https://www.borger.dk/metrics");
        mvc.get().uri("/handlingsside/" + municipal.slug() + "/start?kommunekode=101").exchange();
        mvc.get().uri("/handlingsside/" + municipal.slug() + "/start?kommunekode=101").exchange();
        mvc.get().uri("/handlingsside/" + national.slug() + "/start").exchange();
        // Loopback is refused on the default settings: a verdict all the same, and no request leaves the machine
        String outcome = links.check("http://127.0.0.1:9/metrics").outcome().name();
        links.checkDue();

        String after = prometheus(editor).getResponse().getContentAsString();
        assertThat(value(after, "selvbetjening_starts_total{kind=\"municipal\"}")).isEqualTo(municipalBefore + 2);
        assertThat(value(after, "selvbetjening_starts_total{kind=\"national\"}")).isEqualTo(nationalBefore + 1);
        assertThat(value(after, "selvbetjening_linkcheck_checks_total{outcome=\"" + outcome + "\"}")).isPositive();
        assertThat(value(after, "selvbetjening_linkcheck_runs_seconds_count")).isPositive();
        assertThat(value(after, "selvbetjening_outbox_mails{status=\"pending\"}")).isNotNegative();
        assertThat(value(after, "selvbetjening_outbox_mails{status=\"failed\"}")).isNotNegative();
        assertThat(value(after, "selvbetjening_outbox_failures_total")).isNotNegative();
        assertThat(value(after, "selvbetjening_citizen_catalogue_generation")).isNotNegative();
        assertThat(after).containsPattern(
                "tasks_scheduled_execution_seconds_count\\{.*code_namespace=\"dk\\.selvbetjening\\.notification\\.OutboxSender\"");
        assertThat(after).doesNotContain(municipal.slug());
    }

    @Test
    void theHealthProbesAreOpenAndReadinessIncludesTheCitizenSnapshot() {
        assertThat(mvc.get().uri("/actuator/health/liveness").exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("UP");
        assertThat(mvc.get().uri("/actuator/health/readiness").exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("UP");
        assertThat(mvc.get().uri("/actuator/health").exchange()).hasStatusOk();
    }
}
