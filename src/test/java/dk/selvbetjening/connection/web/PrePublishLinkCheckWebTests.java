package dk.selvbetjening.connection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.connection.ConnectionIntakeService;
import dk.selvbetjening.connection.ConnectionReviewService;
import dk.selvbetjening.connection.Receipt;
import dk.selvbetjening.connection.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Publishing checks the URL first and warns the editor of a broken link; the editor may publish anyway. */
@SpringBootTest(properties = "selvbetjening.connection.check-before-publish=true")
@AutoConfigureMockMvc
class PrePublishLinkCheckWebTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ConnectionIntakeService intake;

    @Autowired
    ConnectionReviewService review;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Test
    void aBrokenLinkIsShownBeforePublishingAndPublishingAnywayIsTheEditorsChoice() {
        AuthorityDetails owner = authorities.register(AuthorityFixtures.aStateAuthority("Tjekstyrelsen"));
        // An internal address: the checker calls it broken without sending anything anywhere.
        Receipt receipt = accounts.runAsVisitor(() -> intake.submit(new Submission("NEW", null, "Søg om tjek før udgivelse",
                "https://127.0.0.1/intern", "Kort.", "Tjek A/S", "tjek@leverandoer.dk", owner.cvrNumber(), null,
                null, List.of(), null, new ActionPageContent("Søg om tjek før udgivelse", "Her søger du om tjek.",
                        List.of("Du skal bruge MitID."), null, null, null, null, null)), null));
        AccountFixtures.TestAccount editor = accounts.editor();
        String reference = receipt.reference();
        accounts.runAs(editor, () -> review.take(reference, intake.withToken(reference, receipt.statusToken()).version()));
        accounts.runAs(editor, () -> review.approve(reference, intake.withToken(reference, receipt.statusToken()).version()));
        long version = intake.withToken(reference, receipt.statusToken()).version();

        MockHttpSession session = (MockHttpSession) mvc.post().uri("/redaktion/log-ind").with(csrf())
                .param("email", editor.email()).param("password", editor.password()).exchange()
                .getRequest().getSession(false);
        String page = "/redaktion/tilslutninger/" + reference;
        var warned = mvc.post().uri(page + "/udgiv").session(session).with(csrf())
                .param("version", Long.toString(version)).exchange();
        assertThat(warned).hasStatus(HttpStatus.CONFLICT);
        assertThat(warned).bodyText().contains("Linket virker ikke lige nu.").contains("Udgiv alligevel");
        assertThat(intake.withToken(reference, receipt.statusToken()).publishedAt()).isNull();

        assertThat(mvc.post().uri("/api/v1/connection-requests/" + reference + "/publish")
                .header("Authorization", editor.basic()).header("If-Match", "\"" + version + "\""))
                .hasStatus(HttpStatus.CONFLICT);

        assertThat(mvc.post().uri(page + "/udgiv").session(session).with(csrf())
                .param("version", Long.toString(version)).param("trodsBrudtLink", "true"))
                .hasStatus(HttpStatus.SEE_OTHER);
        assertThat(intake.withToken(reference, receipt.statusToken()).publishedAt()).isNotNull();
    }
}
