package dk.selvbetjening.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.selvbetjening.account.AccountService;
import dk.selvbetjening.account.SecuredWebSlice;
import dk.selvbetjening.account.SecuredWebSlice.Logins;
import dk.selvbetjening.notification.MailOutbox;
import dk.selvbetjening.notification.MailStatus;
import dk.selvbetjening.notification.OutboxCounts;
import dk.selvbetjening.notification.OutboxEntry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The outbox page for editors: the outbox's counts and latest mails, and a failed mail tried again. Sending and
 * retrying are {@code OutboxSenderTests}'; here the outbox is a mock.
 */
@WebMvcTest(OutboxWebController.class)
@SecuredWebSlice
class OutboxWebControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    MailOutbox outbox;

    @Autowired
    AccountService accounts;

    private static OutboxEntry mail(String recipient, MailStatus status, String lastError) {
        return new OutboxEntry(UUID.randomUUID(), recipient, "Kvittering", status, 3, null, lastError,
                Instant.parse("2026-11-26T10:00:00Z"), null);
    }

    @Test
    void editorsSeeTheCountsAndTheLatestMailsAndOnlyAFailedOneOffersARetry() throws Exception {
        OutboxEntry failed = mail("a@leverandoer.dk", MailStatus.FAILED, "Connection refused");
        OutboxEntry sent = mail("b@leverandoer.dk", MailStatus.SENT, null);
        given(outbox.counts()).willReturn(new OutboxCounts(4, 17, 1));
        given(outbox.latest()).willReturn(List.of(failed, sent));

        Document page = Jsoup.parse(mvc.get().uri("/redaktion/udbakke").with(Logins.editor(accounts)).exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select(".outbox-counts li").eachText()).containsExactly("Venter: 4", "Sendt: 17", "Fejlet: 1");
        assertThat(page.select("tbody tr")).hasSize(2);
        assertThat(page.select("tbody tr").get(0).select("td").eachText()).containsExactly("26. november 2026 kl. 11.00",
                "a@leverandoer.dk", "Kvittering", "Fejlet", "3", "Connection refused Prøv igen");
        assertThat(page.select("tbody form").eachAttr("action"))
                .containsExactly("/redaktion/udbakke/" + failed.id() + "/proev-igen");
    }

    @Test
    void anEmptyOutboxSaysSo() throws Exception {
        given(outbox.counts()).willReturn(new OutboxCounts(0, 0, 0));
        given(outbox.latest()).willReturn(List.of());
        assertThat(mvc.get().uri("/redaktion/udbakke").with(Logins.editor(accounts))).hasStatusOk().bodyText()
                .contains("Der er ingen e-mails endnu.");
    }

    @Test
    void anEditorTriesAFailedMailAgainAndReturnsToTheOutbox() {
        UUID id = UUID.randomUUID();
        assertThat(mvc.post().uri("/redaktion/udbakke/" + id + "/proev-igen").with(Logins.editor(accounts))
                .with(csrf())).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion/udbakke");
        then(outbox).should().retry(id);
    }

    @Test
    void onlyEditorsSeeOrRetryAndNeverWithoutCsrf() {
        UUID id = UUID.randomUUID();
        assertThat(mvc.get().uri("/redaktion/udbakke")).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .endsWith("/redaktion/log-ind");
        assertThat(mvc.get().uri("/redaktion/udbakke").with(Logins.authorityEditor(accounts, UUID.randomUUID())))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/redaktion/udbakke/" + id + "/proev-igen")
                .with(Logins.authorityEditor(accounts, UUID.randomUUID())).with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/redaktion/udbakke/" + id + "/proev-igen").with(Logins.editor(accounts)))
                .as("no CSRF token").hasStatus(HttpStatus.FORBIDDEN);
        then(outbox).should(never()).retry(any());
        then(outbox).should(never()).latest();
    }
}
