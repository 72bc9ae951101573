package dk.selvbetjening.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.account.AccountService;
import dk.selvbetjening.account.AccountSummary;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityInput;
import dk.selvbetjening.authority.AuthorityService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The accounts page offers the authorities of the register that an authority editor may be given: complete and not
 * retired. One created in the register is offered at once; a retired or incomplete one is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountAuthorityChoiceTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Autowired
    AccountService accountService;

    @Test
    void anAuthorityEditorIsCreatedForAnAuthorityFromTheRegisterButNotForARetiredOrIncompleteOne() throws Exception {
        TestAccount editor = accounts.editor();
        AuthorityDetails active = accounts.runAs(editor, () -> authorities.create(new AuthorityInput(
                "Kontostyrelsen", "STATE", AuthorityFixtures.aCvrNumber().value(), null, null, null, null, null)));
        AuthorityDetails incomplete = accounts.runAs(editor, () -> authorities.create(new AuthorityInput(
                "Halvkontostyrelsen", "STATE", null, null, null, null, null, null)));
        AuthorityDetails retired = authorities.register(AuthorityFixtures.aStateAuthority("Gammelkontostyrelsen"));
        accounts.runAs(editor, () -> authorities.retire(retired.id(), retired.version()));

        Document page = Jsoup.parse(mvc.get().uri("/redaktion/konti").with(editor.login()).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#authorityId option").eachText()).contains("Kontostyrelsen")
                .doesNotContain("Halvkontostyrelsen", "Gammelkontostyrelsen");

        assertThat(mvc.post().uri("/redaktion/konti").with(editor.login()).with(csrf())
                .param("email", "myndighed@konto.example").param("displayName", "Myndighedens redaktør")
                .param("role", "AUTHORITY_EDITOR").param("authorityId", active.id().toString()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(accounts.runAs(editor, accountService::accounts)).filteredOn(a -> a.email().equals("myndighed@konto.example"))
                .singleElement().extracting(AccountSummary::authorityId).isEqualTo(active.id());

        for (AuthorityDetails refused : new AuthorityDetails[] {incomplete, retired}) {
            Document again = Jsoup.parse(mvc.post().uri("/redaktion/konti").with(editor.login()).with(csrf())
                    .param("email", "afvist-" + refused.id() + "@konto.example").param("displayName", "Afvist")
                    .param("role", "AUTHORITY_EDITOR").param("authorityId", refused.id().toString()).exchange()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(again.select("#authorityId-error").text()).isEqualTo("Myndigheden kan ikke vælges, fordi den "
                    + "er nedlagt eller mangler CVR-nummer. Vælg en anden, eller ret myndigheden under Myndigheder.");
        }
        assertThat(accounts.runAs(editor, accountService::accounts)).extracting(AccountSummary::email)
                .noneMatch(email -> email.startsWith("afvist-"));
    }
}
