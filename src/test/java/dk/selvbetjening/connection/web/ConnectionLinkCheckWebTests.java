package dk.selvbetjening.connection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.connection.ConnectionIntakeService;
import dk.selvbetjening.connection.Receipt;
import dk.selvbetjening.connection.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Before approving or publishing, an editor checks the request's URL and sees what is wrong with it. */
@SpringBootTest
@AutoConfigureMockMvc
class ConnectionLinkCheckWebTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ConnectionIntakeService requests;

    @Autowired
    AccountFixtures accounts;

    @Test
    void anEditorChecksTheRequestsUrlAndSeesTheProblemAndTheFix() throws Exception {
        // An internal address: the checker refuses it without sending anything anywhere.
        Receipt receipt = accounts.runAsVisitor(() -> requests.submit(new Submission("NEW", null,
                "Søg om intern adgang", "https://127.0.0.1/intern", "Kort.", "Intern A/S", "intern@leverandoer.dk",
                null, null, null, List.of(), null, null), null));
        AccountFixtures.TestAccount editor = accounts.editor();
        MockHttpSession session = (MockHttpSession) mvc.post().uri("/redaktion/log-ind").with(csrf())
                .param("email", editor.email()).param("password", editor.password()).exchange()
                .getRequest().getSession(false);
        String page = "/redaktion/tilslutninger/" + receipt.reference();
        assertThat(mvc.get().uri(page).session(session)).bodyText()
                .contains("er ikke tjekket endnu.");

        assertThat(mvc.post().uri(page + "/tjek-link").session(session).with(csrf()))
                .hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", page);
        assertThat(mvc.get().uri(page).session(session)).bodyText()
                .contains("Seneste tjek: Brudt");

        // Taken into review: the failed check turns "Godkend" into a warning, with the finding beside it.
        org.jsoup.nodes.Document before = org.jsoup.Jsoup.parse(mvc.get().uri(page).session(session).exchange()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(mvc.post().uri(page + "/tag").session(session).with(csrf())
                .param("version", before.select("form[action$=/tag] input[name=version]").val()))
                .hasStatus(HttpStatus.SEE_OTHER);
        org.jsoup.nodes.Document inReview = org.jsoup.Jsoup.parse(mvc.get().uri(page).session(session).exchange()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        var approve = inReview.select("form[action$=/godkend] button");
        assertThat(approve.hasClass("button-warning")).isTrue();
        assertThat(approve.text()).isEqualTo("Godkend trods fejl i linket");
        assertThat(approve.attr("aria-describedby")).isEqualTo("approve-link-finding");
        assertThat(inReview.select("#approve-link-finding").text()).startsWith("Linket virker ikke: Brudt");
    }
}
