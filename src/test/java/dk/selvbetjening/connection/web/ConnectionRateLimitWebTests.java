package dk.selvbetjening.connection.web;

import static dk.selvbetjening.connection.web.ConnectionWebTestData.aTitle;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.aValidForm;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.actionpage.word.ActionPageDocx;
import dk.selvbetjening.authority.AuthorityDetails;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The public form shares the submission allowance per client (an IPv6 client is its /64), reading a Word template
 * into it included; over it, 429 and nothing stored.
 */
@SpringBootTest(properties = "selvbetjening.connection.submissions-per-minute=2")
@AutoConfigureMockMvc
class ConnectionRateLimitWebTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ConnectionWebTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    ActionPageDocx docx;

    private MvcTestResult submitFrom(String address, String title, AuthorityDetails authority) {
        return mvc.post().uri("/tilslut").with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        }).params(aValidForm(title, authority)).exchange();
    }

    @Test
    void theThirdSubmissionInAMinuteIsRefusedWithRetryAfterAndStoresNothing() {
        AuthorityDetails authority = data.anAuthority();
        var editor = accounts.editor();
        assertThat(submitFrom("192.0.2.10", aTitle(), authority)).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(submitFrom("192.0.2.10", aTitle(), authority)).hasStatus(HttpStatus.SEE_OTHER);

        String title = aTitle();
        MvcTestResult refused = submitFrom("192.0.2.10", title, authority);
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        String retryAfter = refused.getResponse().getHeader("Retry-After");
        assertThat(retryAfter).matches("\\d+");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        Document page = html(refused);
        assertThat(page.title()).startsWith("Fejl: ");
        assertThat(page.select(".alert-error").text())
                .contains("Du har sendt mange anmodninger på kort tid. Vent lidt, og prøv igen.");
        assertThat(page.getElementById("title").val()).as("what was typed is kept").isEqualTo(title);
        assertThat(data.requestsTitled(title, editor.account())).isEmpty();

        assertThat(submitFrom("192.0.2.11", aTitle(), authority)).as("another address has its own allowance")
                .hasStatus(HttpStatus.SEE_OTHER);
    }

    @Test
    void ipv6AddressesInOneSlashSixtyFourShareTheAllowance() {
        AuthorityDetails authority = data.anAuthority();
        assertThat(submitFrom("2001:db8:20:1::1", aTitle(), authority)).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(submitFrom("2001:db8:20:1::2", aTitle(), authority)).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(submitFrom("2001:db8:20:1:ffff::3", aTitle(), authority)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(submitFrom("2001:db8:20:2::1", aTitle(), authority)).hasStatus(HttpStatus.SEE_OTHER);
    }

    @Test
    void readingAWordTemplateDrawsOnTheSameAllowance() {
        byte[] template = docx.template();
        assertThat(readTemplateFrom("192.0.2.12", template)).hasStatusOk();
        assertThat(submitFrom("192.0.2.12", aTitle(), data.anAuthority())).hasStatus(HttpStatus.SEE_OTHER);

        MvcTestResult refused = readTemplateFrom("192.0.2.12", template);
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Integer.parseInt(refused.getResponse().getHeader("Retry-After"))).isBetween(1, 60);
        Document page = html(refused);
        assertThat(page.title()).startsWith("Fejl: ");
        assertThat(page.select(".alert-error").text())
                .contains("Du har sendt mange anmodninger på kort tid. Vent lidt, og prøv igen.");
        assertThat(page.select("form.connection-form button[formaction=/tilslut/indlaes-skabelon]"))
                .as("the form is there to try again").hasSize(1);
    }

    private MvcTestResult readTemplateFrom(String address, byte[] file) {
        return mvc.post().uri("/tilslut/indlaes-skabelon")
                .multipart().file(new MockMultipartFile("file", "side.docx", "application/octet-stream", file))
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }).exchange();
    }
}
