package dk.selvbetjening.municipallink.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Map;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Saving a link checks it at once and warns the editor when it does not work. */
@SpringBootTest(properties = "selvbetjening.municipallink.check-on-save=true")
@AutoConfigureMockMvc
class MunicipalLinkCheckOnSaveTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    @Test
    void aSavedLinkThatDoesNotWorkIsShownWithTheProblemAndTheFix() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/ok"));
        AccountFixtures.TestAccount editor = accounts.editor();
        MockHttpSession session = (MockHttpSession) mvc.post().uri("/redaktion/log-ind").with(csrf())
                .param("email", editor.email()).param("password", editor.password()).exchange()
                .getRequest().getSession(false);
        // An internal address: the checker calls it broken without sending anything anywhere.
        var saved = mvc.post().uri("/redaktion/kommunelinks/kommune/101/" + service.slug()).session(session)
                .with(csrf()).param("url", "https://127.0.0.1/intern").param("title", "").exchange();
        assertThat(saved).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri(saved.getResponse().getRedirectedUrl()).session(session)).bodyText()
                .contains("Linket er gemt, men vores tjek af det gav: Brudt");
    }
}
