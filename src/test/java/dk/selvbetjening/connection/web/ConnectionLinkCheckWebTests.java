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
    void anEditorChecksTheRequestsUrlAndSeesTheProblemAndTheFix() {
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
    }
}
