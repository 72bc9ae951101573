package dk.selvbetjening.actionpage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageRevisionSummary;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SeparateDatabase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An action page's history in the backoffice: the list, the word-level comparison and restoring an old revision. */
@SpringBootTest
@SeparateDatabase("actionpage-web")
@AutoConfigureMockMvc
class ActionPageRevisionWebControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    ActionPageService actionPages;

    private static String revisions(SelfServiceDetails service) {
        return "/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside/revisioner";
    }

    private static Document html(MvcTestResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    /** A published service whose page was then saved once more with another title and intro (revision 2). */
    private SelfServiceDetails withTwoRevisions(RequestPostProcessor who) throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/historik-" + System.nanoTime());
        String editor = "/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside";
        Document page = html(mvc.get().uri(editor).with(who).exchange());
        ActionPageContent first = actionPages.latest(service.id()).orElseThrow();
        assertThat(mvc.post().uri(editor + "/gem").with(who).with(csrf())
                .param("basedOn", page.select("input[name=basedOn]").val())
                .param("title", "Søg om hjælp nu")
                .param("intro", first.intro().replace("online", "på nettet"))
                .param("beforeYouStart", String.join("\n", first.beforeYouStart()))
                .param("alternatives", first.alternatives())
                .param("afterwards", first.afterwards())).hasStatus(HttpStatus.SEE_OTHER);
        return service;
    }

    @Test
    void theHistoryListsEveryRevisionWithWhoWhenAndItsMarks() throws Exception {
        RequestPostProcessor editor = accounts.editor().login();
        SelfServiceDetails service = withTwoRevisions(editor);
        Document page = html(mvc.get().uri(revisions(service)).with(editor).exchange());
        assertThat(page.select("h1").text()).isEqualTo("Tidligere versioner af handlingssiden for " + service.title());
        assertThat(page.select("#revision-2 td").get(0).text()).isEqualTo("Søg om hjælp nu");
        assertThat(page.select("#revision-2 td").get(1).text()).startsWith("editor-");
        assertThat(page.select("#revision-2 td").get(2).text()).matches("\\d{1,2}\\. \\p{L}+ \\d{4} kl\\. \\d{2}\\.\\d{2}");
        assertThat(page.select("#revision-1 td").get(3).text()).isEqualTo("Udgivet");
        assertThat(page.select("#revision-1 button").text()).isEqualTo("Gendan som ny kladde (version 1)");
        assertThat(page.select("#revision-2 button")).isEmpty();
        assertThat(page.select("select#fra option[selected]").val()).isEqualTo("1");
        assertThat(page.select("select#til option[selected]").val()).isEqualTo("2");
        assertThat(page.select("form.revision-compare").attr("method")).isEqualTo("get");
    }

    @Test
    void theComparisonShowsRemovedAndAddedWordsWithSpokenPrefixes() throws Exception {
        RequestPostProcessor editor = accounts.editor().login();
        SelfServiceDetails service = withTwoRevisions(editor);
        MvcTestResult result = mvc.get().uri(revisions(service) + "/sammenlign?fra=1&til=2").with(editor).exchange();
        assertThat(result).hasStatusOk();
        Document page = html(result);
        assertThat(page.select("h2").eachText()).containsExactly("Titel", "Manchet");
        assertThat(page.select("#diff-intro del").text()).isEqualTo("Fjernet: online. Slut på fjernet tekst.");
        assertThat(page.select("#diff-intro ins").text()).isEqualTo("Tilføjet: på nettet. Slut på tilføjet tekst.");
        assertThat(page.select("#diff-intro del .sr-only").first().text()).isEqualTo("Fjernet:");
        assertThat(page.select("#diff-title del").text()).contains(service.title().split(" ")[0]);
        assertThat(page.select("#diff-title ins").text()).contains("Søg");

        Document same = html(mvc.get().uri(revisions(service) + "/sammenlign?fra=2&til=2").with(editor).exchange());
        assertThat(same.select("main p").eachText()).contains("Der er ingen forskel på teksten i de to versioner.");
    }

    @Test
    void aComparisonLinkThatDoesNotWorkIsA400Or404NeverAnError() {
        RequestPostProcessor editor = accounts.editor().login();
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/historik-fejl");
        assertThat(mvc.get().uri(revisions(service) + "/sammenlign?fra=a&til=1").with(editor))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("Versionsnummeret i linket er ikke et tal.");
        assertThat(mvc.get().uri(revisions(service) + "/sammenlign?til=1").with(editor))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri(revisions(service) + "/sammenlign?fra=1&til=99").with(editor))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri(revisions(service) + "/99/gendan").with(editor).with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri(revisions(service) + "/x/gendan").with(editor).with(csrf()))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void restoringAnOldRevisionSavesItAsANewDraftAndReturnsToTheEditor() throws Exception {
        RequestPostProcessor editor = accounts.editor().login();
        SelfServiceDetails service = withTwoRevisions(editor);
        String original = actionPages.revision(service.id(), 1).title();

        MvcTestResult restored = mvc.post().uri(revisions(service) + "/1/gendan").with(editor).with(csrf())
                .exchange();
        assertThat(restored).hasStatus(HttpStatus.SEE_OTHER).redirectedUrl()
                .isEqualTo("/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside");
        assertThat(restored.getMvcResult().getFlashMap().get("notice"))
                .isEqualTo("Version 1 er gendannet som ny kladde (version 3). Borgerne ser den først, når du udgiver den.");
        List<ActionPageRevisionSummary> history = actionPages.revisions(service.id());
        assertThat(history).extracting(ActionPageRevisionSummary::number).containsExactly(3, 2, 1);
        assertThat(history.get(0).restoredFrom()).isEqualTo(1);
        assertThat(actionPages.latest(service.id()).orElseThrow().title()).isEqualTo(original);
        assertThat(html(mvc.get().uri(revisions(service)).with(editor).exchange()).select("#revision-3 td").get(3)
                .text()).isEqualTo("Gendannet fra version 1");
    }

    @Test
    void anotherAuthoritysEditorMayNeitherReadNorRestoreTheHistory() throws Exception {
        SelfServiceDetails service = withTwoRevisions(accounts.editor().login());
        SelfServiceDetails other = data.publishedNational("https://www.example.dk/historik-anden");
        RequestPostProcessor stranger = accounts.authorityEditor(other.authorityId()).login();
        assertThat(mvc.get().uri(revisions(service)).with(stranger)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri(revisions(service) + "/sammenlign?fra=1&til=2").with(stranger))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(revisions(service) + "/1/gendan").with(stranger).with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(actionPages.revisions(service.id())).hasSize(2);
        assertThat(mvc.get().uri(revisions(service)).with(accounts.authorityEditor(service.authorityId()).login()))
                .hasStatusOk();
    }
}
