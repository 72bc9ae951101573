package dk.selvbetjening.actionpage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.ActionPageStatus;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SeparateDatabase;
import dk.selvbetjening.shared.SystemPrincipal;
import dk.selvbetjening.shared.DanishTime;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The action page editor in the backoffice: who may open and change which page, saving revisions with optimistic
 * concurrency, the form's Danish errors, the guide's checks, publishing, scheduling and archiving.
 */
@SpringBootTest
@SeparateDatabase("actionpage-web")
@AutoConfigureMockMvc
class ActionPageEditorWebControllerTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    Clock clock;

    @Autowired
    SelfServiceService services;

    @Autowired
    dk.selvbetjening.actionpage.word.ActionPageDocx docx;

    private static String editor(SelfServiceDetails service) {
        return "/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside";
    }

    private static Document html(MvcTestResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    private RequestPostProcessor owner(SelfServiceDetails service) {
        return accounts.authorityEditor(service.authorityId()).login();
    }

    /** The editor's form fields as the page renders them, ready to post back. */
    private static MultiValueMap<String, String> fields(Document page) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        page.select("form.action-page-editor input[name], form.action-page-editor textarea[name]").forEach(input -> {
            if (!input.attr("name").equals("_csrf")) {
                fields.add(input.attr("name"), input.tagName().equals("textarea") ? input.wholeText() : input.val());
            }
        });
        return fields;
    }

    private MultiValueMap<String, String> openedForm(SelfServiceDetails service, RequestPostProcessor who)
            throws Exception {
        return fields(html(mvc.get().uri(editor(service)).with(who).exchange()));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/anonym");
        assertThat(mvc.get().uri("/redaktion/selvbetjeninger")).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().endsWith("/redaktion/log-ind");
        assertThat(mvc.get().uri(editor(service))).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().endsWith("/redaktion/log-ind");
        assertThat(mvc.post().uri(editor(service) + "/gem").with(csrf()).param("title", "Søg om noget"))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/redaktion/log-ind");
    }

    @Test
    void editorsAndTheOwningAuthoritysEditorsOpenTheEditorAndOthersGetTheForbiddenPage() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/roller");
        SelfServiceDetails other = data.publishedNational("https://www.example.dk/andre");

        assertThat(mvc.get().uri(editor(service)).with(accounts.editor().login())).hasStatusOk();
        MvcTestResult owned = mvc.get().uri(editor(service)).with(owner(service)).exchange();
        assertThat(owned).hasStatusOk();
        assertThat(html(owned).select("h1").text()).isEqualTo("Handlingssiden for " + service.title());

        RequestPostProcessor stranger = owner(other);
        assertThat(mvc.get().uri(editor(service)).with(stranger)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri(editor(service) + "/revisioner").with(stranger)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(editor(service) + "/gem").with(stranger).with(csrf())
                .params(openedForm(service, accounts.editor().login()))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(editor(service) + "/afpublicer").with(stranger).with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(actionPages.state(service.id()).orElseThrow().status()).isEqualTo(ActionPageStatus.PUBLISHED);
    }

    @Test
    void theListShowsTheServicesTheAccountMayEditWithTheirPagesState() throws Exception {
        SelfServiceDetails own = data.publishedNational("https://www.example.dk/liste");
        SelfServiceDetails other = data.publishedNational("https://www.example.dk/liste-andre");
        TestAccount authorityEditor = accounts.authorityEditor(own.authorityId());

        Document mine = html(mvc.get().uri("/redaktion/selvbetjeninger").with(authorityEditor.login()).exchange());
        var row = mine.select("tbody tr").stream().filter(tr -> tr.select("th").text().equals(own.title()))
                .findFirst().orElseThrow();
        assertThat(row.select("td").eachText()).containsExactly("Udgivet", "Udgivet", "Nej", "–", "Rediger");
        assertThat(row.select("a").attr("href")).isEqualTo(editor(own));
        assertThat(mine.select("tbody th").eachText()).doesNotContain(other.title());

        Document all = html(mvc.get().uri("/redaktion/selvbetjeninger").with(accounts.editor().login()).exchange());
        assertThat(all.select("tbody th").eachText()).contains(own.title(), other.title());

        Document home = html(mvc.get().uri("/redaktion").with(authorityEditor.login()).exchange());
        assertThat(home.select("main ul:not(.backoffice-tasks) a[href=/redaktion/selvbetjeninger]").text())
                .isEqualTo("Selvbetjeninger");
    }

    @Test
    void savingCreatesANewRevisionAndTheHistoryShowsIt() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/gem");
        RequestPostProcessor who = owner(service);
        MultiValueMap<String, String> form = openedForm(service, who);
        assertThat(form.getFirst("basedOn")).isEqualTo("1");
        form.set("title", "Søg om ny ting");
        form.set("beforeYouStart", "MitID.\r\n\r\nDet tager 5 minutter.\r\nDin lønseddel.");

        MvcTestResult saved = mvc.post().uri(editor(service) + "/gem").with(who).with(csrf()).params(form).exchange();
        assertThat(saved).hasStatus(HttpStatus.SEE_OTHER).redirectedUrl().isEqualTo(editor(service));
        Document after = html(mvc.get().uri(editor(service)).with(who).exchange());
        assertThat(after.select("#title").val()).isEqualTo("Søg om ny ting");
        assertThat(after.select("input[name=basedOn]").val()).isEqualTo("2");
        assertThat(actionPages.latest(service.id()).orElseThrow().beforeYouStart())
                .containsExactly("MitID.", "Det tager 5 minutter.", "Din lønseddel.");
        assertThat(actionPages.find(service.id()).orElseThrow().content().title()).isEqualTo(service.title());

        Document history = html(mvc.get().uri(editor(service) + "/revisioner").with(who).exchange());
        assertThat(history.select("tbody tr th").eachText()).containsExactly("2", "1");
        assertThat(history.select("#revision-2 td").get(0).text()).isEqualTo("Søg om ny ting");
        assertThat(history.select("#revision-1 td").eachText()).contains("Udgivet");
    }

    @Test
    void aFilledInWordTemplateFillsTheEditorWithoutSavingAndABadFileChangesNothing() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/word");
        RequestPostProcessor who = owner(service);
        byte[] filled = docx.export(new dk.selvbetjening.actionpage.ActionPageContent("Søg om tilskud fra Word",
                "Her søger du om tilskud.", java.util.List.of("MitID."), null, null, "Ring til os.",
                "Du får svar i Digital Post.", null, null, "Det koster 100 kr.", null, null));

        MvcTestResult read = mvc.post().uri(editor(service) + "/importer").multipart()
                .file(new MockMultipartFile("file", "side.docx", dk.selvbetjening.actionpage.word.ActionPageDocx.MEDIA_TYPE,
                        filled)).with(who).with(csrf()).exchange();

        assertThat(read).hasStatusOk();
        Document page = html(read);
        assertThat(page.select("#title").val()).isEqualTo("Søg om tilskud fra Word");
        assertThat(page.select("#fees").val()).isEqualTo("Det koster 100 kr.");
        assertThat(page.select("input[name=basedOn]").val()).isEqualTo("1");
        assertThat(page.text()).contains("Den er ikke gemt endnu");
        assertThat(actionPages.revisions(service.id())).hasSize(1);

        MvcTestResult refused = mvc.post().uri(editor(service) + "/importer").multipart()
                .file(new MockMultipartFile("file", "side.docx", "application/pdf", "%PDF-1.7 ikke word".getBytes()))
                .with(who).with(csrf()).exchange();
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(html(refused).select("#file-error").text()).isNotBlank();
        assertThat(html(refused).select(".error-summary, [role=alert]").text()).contains(
                html(refused).select("#file-error").text());
        assertThat(html(refused).select("#title").val()).isEqualTo(service.title());
        assertThat(actionPages.revisions(service.id())).hasSize(1);

        assertThat(mvc.post().uri(editor(service) + "/importer").multipart().with(who).with(csrf()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        var stranger = accounts.authorityEditor(data.stateAuthority().id()).login();
        assertThat(mvc.post().uri(editor(service) + "/importer").multipart()
                .file(new MockMultipartFile("file", "side.docx", "application/octet-stream", filled))
                .with(stranger).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theSuccessNoticeFollowsTheRedirect() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/besked");
        RequestPostProcessor who = owner(service);
        MultiValueMap<String, String> form = openedForm(service, who);
        MvcTestResult saved = mvc.post().uri(editor(service) + "/gem").with(who).with(csrf()).params(form).exchange();
        Object notice = saved.getMvcResult().getFlashMap().get("notice");
        assertThat(notice).isEqualTo("Teksten er gemt som version 2.");
        Document page = html(mvc.get().uri(editor(service)).with(who).flashAttr("notice", notice).exchange());
        assertThat(page.select(".alert-success").text()).contains("Teksten er gemt som version 2.");
    }

    @Test
    void aSaveOnTopOfSomeoneElsesNewerRevisionIsRefusedAndKeepsTheText() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/konflikt");
        RequestPostProcessor mine = owner(service);
        MultiValueMap<String, String> first = openedForm(service, mine);
        MultiValueMap<String, String> second = openedForm(service, accounts.editor().login());
        second.set("title", "Søg om det andet");
        assertThat(mvc.post().uri(editor(service) + "/gem").with(accounts.editor().login()).with(csrf())
                .params(second)).hasStatus(HttpStatus.SEE_OTHER);

        first.set("title", "Søg om min udgave");
        MvcTestResult refused = mvc.post().uri(editor(service) + "/gem").with(mine).with(csrf()).params(first)
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        Document page = html(refused);
        assertThat(page.select(".editor-conflict").text()).contains("Nogen har gemt en nyere version");
        assertThat(page.select("#title").val()).isEqualTo("Søg om min udgave");
        assertThat(page.select("input[name=basedOn]").val()).isEqualTo("2");
        assertThat(page.select(".editor-conflict a").attr("href"))
                .isEqualTo(editor(service) + "/revisioner/sammenlign?fra=1&til=2");
        assertThat(actionPages.latest(service.id()).orElseThrow().title()).isEqualTo("Søg om det andet");

        MultiValueMap<String, String> again = fields(page);
        assertThat(mvc.post().uri(editor(service) + "/gem").with(mine).with(csrf()).params(again))
                .hasStatus(HttpStatus.SEE_OTHER);
        assertThat(actionPages.latest(service.id()).orElseThrow().title()).isEqualTo("Søg om min udgave");
    }

    @Test
    void aGarbledBasedOnIsAConflictNotAnError() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/garbled");
        RequestPostProcessor who = owner(service);
        MultiValueMap<String, String> form = openedForm(service, who);
        form.set("basedOn", "x'); drop");
        assertThat(mvc.post().uri(editor(service) + "/gem").with(who).with(csrf()).params(form))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(actionPages.revisions(service.id())).hasSize(1);
    }

    @Test
    void invalidInputShowsDanishFieldErrorsWithASummaryAndKeepsWhatWasTyped() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/fejl");
        RequestPostProcessor who = owner(service);
        MultiValueMap<String, String> form = openedForm(service, who);
        form.set("title", "S".repeat(121));
        form.set("intro", " ");
        form.set("beforeYouStart", "punkt\n".repeat(21));
        form.set("continuesOn", "x".repeat(201));
        form.set("rules", "r".repeat(4001));
        form.set("downtimeFrom", "2027-01-31T22:00");
        form.set("downtimeUntil", "2027-01-31T20:00");
        form.set("downtimeMessage", "");

        MvcTestResult result = mvc.post().uri(editor(service) + "/gem").with(who).with(csrf()).params(form).exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        Document page = html(result);
        assertThat(page.title()).startsWith("Fejl: ");
        assertThat(page.select("#error-summary a").eachAttr("href")).containsExactly("#title", "#intro",
                "#beforeYouStart", "#continuesOn", "#rules", "#downtimeUntil", "#downtimeMessage");
        assertThat(page.select("#error-summary a").eachText()).contains("Titlen må højst være 120 tegn.",
                "Skriv en manchet.", "Før du går i gang må højst have 20 punkter.",
                "Lukket til skal ligge efter Lukket fra.");
        assertThat(page.select("#title-error").text()).isEqualTo("Fejl: Titlen må højst være 120 tegn.");
        assertThat(page.select("#title").attr("aria-describedby")).contains("title-error");
        assertThat(page.select("#title").val()).isEqualTo("S".repeat(121));
        assertThat(page.select("#downtimeFrom").val()).isEqualTo("2027-01-31T22:00");
        assertThat(actionPages.revisions(service.id())).hasSize(1);
    }

    @Test
    void aDowntimeNeedsBothTimesAndATimeThatCanBeRead() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/nedetid");
        RequestPostProcessor who = owner(service);
        MultiValueMap<String, String> form = openedForm(service, who);
        form.set("downtimeFrom", "i morgen");
        form.set("downtimeMessage", "Vi opdaterer systemet.");
        Document page = html(mvc.post().uri(editor(service) + "/gem").with(who).with(csrf()).params(form).exchange());
        assertThat(page.select("#downtimeFrom-error").text()).contains("Skriv en dato og et klokkeslæt");
        assertThat(page.select("#downtimeUntil-error").text()).contains("Skriv hvornår selvbetjeningen åbner igen.");

        form.set("downtimeFrom", "2027-01-31T22:00");
        form.set("downtimeUntil", "2027-02-01T06:00");
        assertThat(mvc.post().uri(editor(service) + "/gem").with(who).with(csrf()).params(form))
                .hasStatus(HttpStatus.SEE_OTHER);
        var downtime = actionPages.latest(service.id()).orElseThrow().plannedDowntime();
        assertThat(downtime.from()).isEqualTo(java.time.Instant.parse("2027-01-31T21:00:00Z"));
        assertThat(downtime.until()).isEqualTo(java.time.Instant.parse("2027-02-01T05:00:00Z"));
        assertThat(html(mvc.get().uri(editor(service)).with(who).exchange()).select("#downtimeFrom").val())
                .isEqualTo("2027-01-31T22:00");
    }

    @Test
    void checkingTheTextShowsTheFindingsBesideTheFieldsWithoutSaving() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/tjek");
        RequestPostProcessor who = owner(service);
        MultiValueMap<String, String> form = openedForm(service, who);
        form.set("alternatives", "");
        form.set("intro", "Ny manchet, som ikke er gemt.");

        MvcTestResult checked = mvc.post().uri(editor(service) + "/tjek").with(who).with(csrf()).params(form)
                .exchange();
        assertThat(checked).hasStatusOk();
        Document page = html(checked);
        assertThat(page.select("#alternatives-guide li.guide-error")).isNotEmpty();
        assertThat(page.select("#alternatives-guide li.guide-error .guide-severity").text()).isEqualTo("Fejl:");
        assertThat(page.select("#alternatives-guide").attr("aria-live")).isEqualTo("polite");
        assertThat(page.select("#alternatives").attr("aria-describedby")).contains("alternatives-guide");
        assertThat(page.select("#intro").val()).isEqualTo("Ny manchet, som ikke er gemt.");
        assertThat(page.select(".alert-success").text()).contains("Teksten er tjekket. Den er ikke gemt endnu.");
        assertThat(actionPages.revisions(service.id())).hasSize(1);

        Document saved = html(mvc.get().uri(editor(service)).with(who).exchange());
        assertThat(saved.select("#alternatives-guide li.guide-error")).isEmpty();
    }

    @Test
    void publishingIsRefusedWith409ListingTheFailingChecksLinkedToTheirFields() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/afvist");
        RequestPostProcessor who = owner(service);
        MultiValueMap<String, String> form = openedForm(service, who);
        form.set("alternatives", "");
        mvc.post().uri(editor(service) + "/gem").with(who).with(csrf()).params(form).exchange();

        MvcTestResult refused = mvc.post().uri(editor(service) + "/udgiv").with(who).with(csrf()).exchange();
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        Document page = html(refused);
        assertThat(page.select("#error-summary .alert-heading").text())
                .isEqualTo("Handlingssiden kan ikke udgives, før disse fejl er rettet");
        assertThat(page.select("#error-summary a").eachAttr("href")).contains("#alternatives");
        assertThat(page.select("#error-summary a").eachText()).allMatch(text -> !text.isBlank());
        assertThat(actionPages.state(service.id()).orElseThrow().publishedRevision()).isEqualTo(1);
    }

    @Test
    void publishingShowsTheNewTextOnTheCitizensPage() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/udgiv");
        RequestPostProcessor who = owner(service);
        MultiValueMap<String, String> form = openedForm(service, who);
        form.set("intro", "Her ansøger du om det nye. Det tager fem minutter.");
        mvc.post().uri(editor(service) + "/gem").with(who).with(csrf()).params(form).exchange();
        assertThat(mvc.get().uri("/handlingsside/" + service.slug())).bodyText()
                .doesNotContain("Her ansøger du om det nye.");

        MvcTestResult published = mvc.post().uri(editor(service) + "/udgiv").with(who).with(csrf()).exchange();
        assertThat(published).hasStatus(HttpStatus.SEE_OTHER).redirectedUrl().isEqualTo(editor(service));
        assertThat(published.getMvcResult().getFlashMap().get("notice")).isEqualTo("Handlingssiden er udgivet. Borgerne ser nu version 2.");
        assertThat(mvc.get().uri("/handlingsside/" + service.slug())).hasStatusOk().bodyText()
                .contains("Her ansøger du om det nye. Det tager fem minutter.");
        Document page = html(mvc.get().uri(editor(service)).with(who).exchange());
        assertThat(page.select("#page-status").text()).isEqualTo("Udgivet");
        assertThat(page.select("#page-published").text()).startsWith("Version 2, udgivet ");
    }

    @Test
    void aGoLiveTimeInThePastIsRefusedAndAFutureOneShowsOnThePage() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/planlaeg");
        RequestPostProcessor who = owner(service);
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(DanishTime.ZONE);

        MvcTestResult past = mvc.post().uri(editor(service) + "/planlaeg").with(who).with(csrf())
                .param("goLiveAt", LOCAL.format(now.minusHours(1))).exchange();
        assertThat(past).hasStatus(HttpStatus.CONFLICT);
        Document refused = html(past);
        assertThat(refused.select("#goLiveAt-error").text())
                .isEqualTo("Fejl: Tidspunktet for idriftsættelse skal ligge i fremtiden.");
        assertThat(refused.select("#error-summary a").eachAttr("href")).containsExactly("#goLiveAt");

        assertThat(mvc.post().uri(editor(service) + "/planlaeg").with(who).with(csrf()).param("goLiveAt", "snart"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(actionPages.state(service.id()).orElseThrow().goLiveAt()).isNull();

        ZonedDateTime later = now.plusDays(2).withHour(8).withMinute(30);
        MvcTestResult scheduled = mvc.post().uri(editor(service) + "/planlaeg").with(who).with(csrf())
                .param("goLiveAt", LOCAL.format(later)).exchange();
        assertThat(scheduled).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(actionPages.state(service.id()).orElseThrow().goLiveAt()).isEqualTo(later.withSecond(0)
                .withNano(0).toInstant());
        Document page = html(mvc.get().uri(editor(service)).with(who).exchange());
        assertThat(page.select("#page-scheduled").text()).startsWith("Version 1 går i luften ")
                .contains("kl. 08.30");

        MultiValueMap<String, String> form = fields(page);
        form.set("intro", "En senere ændring.");
        mvc.post().uri(editor(service) + "/gem").with(who).with(csrf()).params(form).exchange();
        assertThat(html(mvc.get().uri(editor(service)).with(who).exchange()).select(".alert-warning").text())
                .contains("De kommer ikke med, når version 1 går i luften.");

        assertThat(mvc.post().uri(editor(service) + "/annuller-planlaegning").with(who).with(csrf()))
                .hasStatus(HttpStatus.SEE_OTHER);
        assertThat(actionPages.state(service.id()).orElseThrow().goLiveAt()).isNull();
    }

    @Test
    void unpublishingAndArchivingTakeThePageDownAndBothAskFirst() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/arkiv");
        RequestPostProcessor who = owner(service);
        Document asked = html(mvc.get().uri(editor(service) + "/afpublicer").with(who).exchange());
        assertThat(asked.select("h1").text()).isEqualTo("Vil du afpublicere handlingssiden for " + service.title() + "?");
        assertThat(asked.select("main form button.button-warning").text()).isEqualTo("Ja, afpublicér handlingssiden");
        assertThat(asked.select("main form input[name=bekraeftet]").val()).isEqualTo("ja");
        MvcTestResult unconfirmed = mvc.post().uri(editor(service) + "/afpublicer").with(who).with(csrf()).exchange();
        assertThat(unconfirmed).hasStatusOk();
        assertThat(html(unconfirmed).select("main form button.button-warning").text())
                .isEqualTo("Ja, afpublicér handlingssiden");
        assertThat(actionPages.find(service.id())).as("a post without the confirmation destroys nothing").isPresent();
        assertThat(mvc.post().uri(editor(service) + "/afpublicer").with(who).with(csrf()).param("bekraeftet", "ja"))
                .hasStatus(HttpStatus.SEE_OTHER);
        assertThat(actionPages.find(service.id())).isEmpty();
        assertThat(mvc.post().uri(editor(service) + "/afpublicer").with(who).with(csrf()).param("bekraeftet", "ja"))
                .hasStatus(HttpStatus.CONFLICT).bodyText().contains("Handlingssiden er ikke udgivet");

        Document confirm = html(mvc.get().uri(editor(service) + "/arkiver").with(who).exchange());
        assertThat(confirm.select(".alert-warning").text()).contains("ingen kan ændre den igen");
        assertThat(confirm.select("main form button.button-warning").text()).isEqualTo("Ja, arkivér handlingssiden");
        assertThat(actionPages.state(service.id()).orElseThrow().status()).isEqualTo(ActionPageStatus.UNPUBLISHED);
        assertThat(mvc.post().uri(editor(service) + "/arkiver").with(who).with(csrf())).hasStatusOk();
        assertThat(actionPages.state(service.id()).orElseThrow().status())
                .as("a post without the confirmation destroys nothing").isEqualTo(ActionPageStatus.UNPUBLISHED);

        assertThat(mvc.post().uri(editor(service) + "/arkiver").with(who).with(csrf()).param("bekraeftet", "ja"))
                .hasStatus(HttpStatus.SEE_OTHER);
        assertThat(actionPages.state(service.id()).orElseThrow().status()).isEqualTo(ActionPageStatus.ARCHIVED);
        assertThat(mvc.post().uri(editor(service) + "/udgiv").with(who).with(csrf()))
                .hasStatus(HttpStatus.CONFLICT).bodyText().contains("Handlingssiden er arkiveret og kan ikke ændres.");
        assertThat(mvc.post().uri(editor(service) + "/arkiver").with(who).with(csrf()).param("bekraeftet", "ja"))
                .hasStatus(HttpStatus.CONFLICT);
        MultiValueMap<String, String> form = openedForm(service, who);
        assertThat(mvc.post().uri(editor(service) + "/gem").with(who).with(csrf()).params(form))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void everyPostNeedsTheCsrfToken() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/csrf");
        RequestPostProcessor who = accounts.editor().login();
        MultiValueMap<String, String> form = openedForm(service, who);
        for (String action : List.of("/gem", "/tjek", "/udgiv", "/planlaeg", "/annuller-planlaegning", "/afpublicer",
                "/arkiver", "/revisioner/1/gendan")) {
            assertThat(mvc.post().uri(editor(service) + action).with(who).params(form)).as(action)
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(actionPages.revisions(service.id())).hasSize(1);
        assertThat(actionPages.state(service.id()).orElseThrow().status()).isEqualTo(ActionPageStatus.PUBLISHED);
    }

    @Test
    void theEditorLoadsTheLiveChecksScriptAndTellsItWhereToCheck() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/js");
        Document page = html(mvc.get().uri(editor(service)).with(owner(service)).exchange());
        assertThat(page.select("script[src=/js/guide-checks.js]").attr("defer")).isNotNull();
        assertThat(page.select("script:not([src])")).isEmpty();
        var form = page.selectFirst("form.action-page-editor");
        assertThat(form.attr("data-check-url")).isEqualTo("/api/v1/action-pages/check");
        assertThat(form.attr("data-mandatory-wave")).isEqualTo("true");
        assertThat(form.attr("data-lix-bands").split("\\|")).hasSize(5);
        assertThat(mvc.get().uri("/js/guide-checks.js")).hasStatusOk().bodyText().contains("/*");
    }

    @Test
    void aMunicipalServiceIsPreviewedForAChosenMunicipality() throws Exception {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(751, "https://www.aarhus.dk/pasning"));
        RequestPostProcessor who = accounts.editor().login();
        Document page = html(mvc.get().uri(editor(service)).with(who).exchange());
        var preview = page.selectFirst("form.editor-preview");
        assertThat(preview.attr("method")).isEqualTo("get");
        assertThat(preview.attr("action")).isEqualTo(editor(service) + "/forhaandsvisning");
        assertThat(preview.select("input[name=revision]").val()).isEqualTo("1");
        assertThat(preview.select("select[name=kommunekode] option")).hasSize(98);
        MvcTestResult shown = mvc.get().uri(editor(service) + "/forhaandsvisning?revision=1&kommunekode=751").with(who)
                .exchange();
        assertThat(shown).hasStatusOk();
        assertThat(html(shown).select("a.start-button").attr("href")).isEqualTo("https://www.aarhus.dk/pasning");
    }

    @Test
    void aServiceWithoutAPageStartsFromItsTitleAndDescriptionAndTheFirstSaveIsRevisionOne() throws Exception {
        SelfServiceDetails service = SystemPrincipal.call(() -> services.add(SelfServiceFixtures.aNationalSelfService(
                data.stateAuthority().id(), "https://www.example.dk/ny")));
        RequestPostProcessor who = owner(service);
        Document page = html(mvc.get().uri(editor(service)).with(who).exchange());
        assertThat(page.select("#title").val()).isEqualTo(service.title());
        assertThat(page.select("#intro").val()).isEqualTo(service.shortDescription());
        assertThat(page.select("input[name=basedOn]").val()).isEqualTo("0");
        assertThat(page.select("form[action$=/udgiv]")).isEmpty();
        assertThat(page.select("main").text()).contains("Gem teksten, før du udgiver den.");
        assertThat(mvc.post().uri(editor(service) + "/udgiv").with(who).with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);

        assertThat(mvc.post().uri(editor(service) + "/gem").with(who).with(csrf()).params(fields(page)))
                .hasStatus(HttpStatus.SEE_OTHER);
        assertThat(actionPages.state(service.id()).orElseThrow().latestRevision()).isEqualTo(1);
        assertThat(actionPages.find(service.id())).isEmpty();
    }

    @Test
    void anUnknownServiceIsTheDanishNotFoundPage() {
        assertThat(mvc.get().uri("/redaktion/selvbetjeninger/findes-ikke/handlingsside")
                .with(accounts.editor().login())).hasStatus(HttpStatus.NOT_FOUND);
    }

    /** A self-service as approval leaves it: a draft, with a saved action page nobody has published. */
    private SelfServiceDetails approvedDraft(String url) {
        return SystemPrincipal.call(() -> {
            SelfServiceDetails added = services.add(SelfServiceFixtures.aVoluntarySelfService(
                    data.stateAuthority().id(), url));
            actionPages.saveDraft(added.id(), PortalTestData.anActionPage(added.title()));
            return added;
        });
    }

    @Test
    void anEditorPublishesADraftServiceWithItsPageAndTheNoticeSaysBothAreOut() throws Exception {
        SelfServiceDetails service = approvedDraft("https://www.example.dk/sammen");
        RequestPostProcessor who = accounts.editor().login();
        Document before = html(mvc.get().uri(editor(service)).with(who).exchange());
        assertThat(before.select("#citizen-status").text()).startsWith("Borgerne kan ikke se selvbetjeningen endnu");
        assertThat(before.select("#next-action").text())
                .contains("udgive selvbetjeningen og handlingssiden sammen");
        assertThat(before.select("#publish-button").text()).isEqualTo("Udgiv");

        MvcTestResult published = mvc.post().uri(editor(service) + "/udgiv").with(who).with(csrf()).exchange();
        assertThat(published).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(published).flash().containsEntry("notice", "Selvbetjeningen og handlingssiden er udgivet. Borgerne ser nu version 1.");
        assertThat(services.byId(service.id()).status()).isEqualTo(dk.selvbetjening.catalogue.SelfServiceStatus.PUBLISHED);
        Document after = html(mvc.get().uri(editor(service)).with(who).exchange());
        assertThat(after.select("#citizen-status").text()).isEqualTo("Borgerne ser version 1, den nyeste.");
        assertThat(after.select("form[action$=/udgiv]")).as("no \"Udgiv nu\" with nothing new to publish").isEmpty();
        assertThat(after.select("#citizen-page-link").attr("href")).isEqualTo("/handlingsside/" + service.slug());
    }

    @Test
    void anAuthorityEditorIsToldExactlyWhatIsMissingForADraftService() throws Exception {
        SelfServiceDetails service = approvedDraft("https://www.example.dk/mangler");
        RequestPostProcessor who = owner(service);
        Document page = html(mvc.get().uri(editor(service)).with(who).exchange());
        assertThat(page.select("#next-action").text()).contains("En redaktør i Digitaliseringsstyrelsen skal udgive");
        assertThat(page.select("#publish-button")).isEmpty();

        MvcTestResult refused = mvc.post().uri(editor(service) + "/udgiv").with(who).with(csrf()).exchange();
        assertThat(refused).hasStatus(HttpStatus.CONFLICT).bodyText()
                .contains("Selvbetjeningen er ikke udgivet endnu")
                .doesNotContain("Borgerne ser nu");
        assertThat(actionPages.find(service.id())).isEmpty();
    }

    @Test
    void theStickyUdgivSavesWhatWasTypedAndPublishesIt() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/gem-og-udgiv");
        RequestPostProcessor who = owner(service);
        MultiValueMap<String, String> form = openedForm(service, who);
        form.set("intro", "Her søger du med det samme. Det tager fem minutter.");

        MvcTestResult published = mvc.post().uri(editor(service) + "/gem-og-udgiv").with(who).with(csrf())
                .params(form).exchange();

        assertThat(published).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(published).flash().containsEntry("notice", "Handlingssiden er udgivet. Borgerne ser nu version 2.");
        assertThat(actionPages.find(service.id()).orElseThrow().content().intro())
                .isEqualTo("Her søger du med det samme. Det tager fem minutter.");

        MvcTestResult again = mvc.post().uri(editor(service) + "/gem-og-udgiv").with(who).with(csrf())
                .params(openedForm(service, who)).exchange();
        assertThat(again).flash().containsEntry("notice", "Der var ikke noget nyt at udgive. Borgerne ser allerede den nyeste version.");
        assertThat(actionPages.revisions(service.id())).hasSize(2);
    }

    @Test
    void findingsAreShownOnlyBesideFieldsThatHaveThemAndLixOnlyOnLongerTexts() throws Exception {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/bemaerkninger");
        Document page = html(mvc.get().uri(editor(service)).with(owner(service)).exchange());
        assertThat(page.text()).doesNotContain("Ingen bemærkninger");
        assertThat(page.select("#title-guide .guide-lix")).as("no LIX on a short title").isEmpty();
        assertThat(page.select(".guide-counts")).hasSize(1);
    }
}
