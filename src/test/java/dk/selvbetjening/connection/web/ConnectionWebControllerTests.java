package dk.selvbetjening.connection.web;

import static dk.selvbetjening.connection.web.ConnectionWebTestData.aTitle;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.aValidForm;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.fromOwnAddress;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.html;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.referenceAndToken;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Map;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.connection.ConnectionRequestDetails;
import dk.selvbetjening.connection.ConnectionIntakeService;
import dk.selvbetjening.connection.ConnectionReviewService;
import dk.selvbetjening.connection.ConnectionRequestStatus;
import dk.selvbetjening.connection.Receipt;
import dk.selvbetjening.connection.Submission;
import dk.selvbetjening.portal.PortalTestData;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.MultiValueMap;

/** The connection pages through the whole application: the public form, receipt, status link and review. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionWebControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ConnectionWebTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    ConnectionIntakeService intake;

    @Autowired
    ConnectionReviewService review;

    @Autowired
    SelfServiceService services;

    @Autowired
    PortalTestData portal;

    AuthorityDetails authority;
    TestAccount editor;
    SelfServiceDetails published;

    @BeforeAll
    void authorityEditorAndAPublishedService() {
        authority = data.anAuthority();
        editor = accounts.editor();
        published = portal.publishedNational("https://www.example-styrelse.dk/eksisterende");
    }

    private MvcTestResult submit(MultiValueMap<String, String> form) {
        return mvc.post().uri("/tilslut").with(csrf()).with(fromOwnAddress()).params(form).exchange();
    }

    private String[] submitted(MultiValueMap<String, String> form) {
        MvcTestResult result = submit(form);
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        return referenceAndToken(result.getResponse().getRedirectedUrl());
    }

    // The public form

    @Test
    void theFormHasLabelledFieldsAOneTimeSubmissionIdAndAHiddenHoneypot() {
        MvcTestResult result = mvc.get().uri("/tilslut").exchange();
        assertThat(result).hasStatusOk();
        Document page = html(result);
        assertThat(page.title()).isEqualTo("Anmod om tilslutning – Selvbetjening");
        assertThat(page.select("h1").text()).isEqualTo("Anmod om tilslutning");
        for (String id : List.of("kind", "kind-EXISTING", "existingServiceId", "title", "scope", "scope-MUNICIPAL",
                "url", "municipalLinks", "shortDescription", "supplierName", "supplierEmail", "authorityCvr",
                "loginMethod", "serviceKind", "formReturn", "formReturn-POST", "topics", "plannedGoLive",
                "plannedGoLive-month", "plannedGoLive-year", "templateFile",
                "actionPage.title", "actionPage.intro", "actionPage.beforeYouStart", "actionPage.startLabel",
                "actionPage.continuesOn", "actionPage.alternatives", "actionPage.afterwards", "actionPage.rules",
                "actionPage.fees", "actionPage.deadlines", "actionPage.moreInformation", "actionPage.downtimeFrom",
                "actionPage.downtimeUntil", "actionPage.downtimeMessage")) {
            assertThat(page.getElementById(id)).as("input #%s", id).isNotNull();
            assertThat(page.select("label[for=\"" + id + "\"]")).as("label for #%s", id).hasSize(1);
        }
        assertThat(page.select("label[for=title]").text()).isEqualTo("Titel");
        assertThat(page.select("label[for=authorityCvr]").text()).as("required for a new self-service")
                .isEqualTo("Myndighedens CVR-nummer");
        assertThat(page.select("fieldset.connection-section > legend").eachText()).containsExactly("Selvbetjeningen",
                "Myndigheden", "Handlingsside (valgfrit)", "Om dig");
        assertThat(page.select("label[for=plannedGoLive]").text()).isEqualTo("Dag");
        assertThat(page.select("label[for=plannedGoLive-month]").text()).isEqualTo("Måned");
        assertThat(page.select("label[for=plannedGoLive-year]").text()).isEqualTo("År");
        assertThat(page.select("input[name=plannedGoLive.month]").attr("id")).isEqualTo("plannedGoLive-month");
        assertThat(page.select("input[name=plannedGoLive.year]").attr("id")).isEqualTo("plannedGoLive-year");
        assertThat(page.select("fieldset legend").eachText()).contains("Gælder anmodningen en ny eller en eksisterende selvbetjening?");
        assertThat(page.select("#existingServiceId option").eachText()).contains(published.title());
        assertThat(page.select("#loginMethod option").eachText()).contains("MitID via NemLog-in", "Intet log-in");
        assertThat(page.select("#serviceKind option").eachText()).contains("Onlineløsning", "Blanket", "Portal");
        assertThat(page.getElementById("scope").hasAttr("checked")).as("national unless chosen").isTrue();
        assertThat(page.select("label[for=actionPage.rules]").text()).as("the editor's labels")
                .isEqualTo("Regler og lovgivning");
        assertThat(page.select("input[name=topics]")).hasSize(17);
        assertThat(page.select("input[name=submissionId]").val())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(page.select("input[name=_csrf]")).hasSize(1);
        var honeypot = page.getElementById("website");
        assertThat(honeypot.attr("tabindex")).isEqualTo("-1");
        assertThat(honeypot.attr("autocomplete")).isEqualTo("off");
        assertThat(honeypot.parent().attr("aria-hidden")).isEqualTo("true");
        assertThat(honeypot.parent().hasClass("connection-honeypot")).isTrue();
        assertThat(page.select("label[for=website]").text()).isEqualTo("Lad dette felt være tomt");
        String another = html(mvc.get().uri("/tilslut").exchange()).select("input[name=submissionId]").val();
        assertThat(another).isNotEqualTo(page.select("input[name=submissionId]").val());
    }

    @Test
    void aValidSubmissionRedirectsToTheReceiptAndStoresOneRequest() {
        String title = aTitle();
        MvcTestResult result = submit(aValidForm(title, authority));
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        String[] referenceAndToken = referenceAndToken(result.getResponse().getRedirectedUrl());
        String reference = referenceAndToken[0];
        String token = referenceAndToken[1];

        assertThat(data.requestsTitled(title, editor.account())).singleElement()
                .satisfies(r -> assertThat(r.reference()).isEqualTo(reference));
        ConnectionRequestDetails stored = intake.withToken(reference, token);
        assertThat(stored.authorityId()).isEqualTo(authority.id());
        assertThat(stored.topics()).containsExactly("familie-og-boern", "sundhed-og-sygdom");
        assertThat(stored.actionPage().beforeYouStart()).containsExactly("MitID.", "Dit CPR-nummer.");

        MvcTestResult receipt = mvc.get().uri("/tilslut/kvittering/" + reference + "?token=" + token).exchange();
        assertThat(receipt).hasStatusOk();
        Document page = html(receipt);
        assertThat(page.select(".confirmation-panel h1").text()).isEqualTo("Anmodningen er sendt");
        assertThat(page.select(".confirmation-panel").text()).contains("Anmodningen gælder: " + title);
        assertThat(page.select(".confirmation-panel .connection-reference").text()).isEqualTo(reference);
        assertThat(page.select("ol.connection-next-steps li").eachText()).containsExactly(
                "Vi har sendt en kvittering til support@leverandoer.dk.",
                "Redaktionen ser på anmodningen inden for 5 arbejdsdage.",
                "Har redaktionen spørgsmål, eller skal noget rettes, får du en e-mail. Du retter anmodningen via dit "
                        + "personlige link.",
                "Når anmodningen er godkendt, og selvbetjeningen er udgivet, kan borgerne finde den på portalen. Det "
                        + "får du også besked om.");
        assertThat(page.select("a.connection-status-link").attr("href"))
                .isEqualTo("/tilslut/status/" + reference + "?token=" + token);
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
    }

    @Test
    void submittingTheSameFormTwiceStoresOneRequestAndGivesTheSameReceipt() {
        String title = aTitle();
        MultiValueMap<String, String> form = aValidForm(title, authority);
        MvcTestResult first = submit(form);
        MvcTestResult second = submit(form);
        assertThat(first).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(second).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl());
        assertThat(data.requestsTitled(title, editor.account())).hasSize(1);

        submit(with(form, Map.of("submissionId", java.util.UUID.randomUUID().toString())));
        assertThat(data.requestsTitled(title, editor.account())).as("a new form is a new request").hasSize(2);
    }

    @Test
    void anInvalidSubmissionShowsEveryProblemKeepsWhatWasTypedAndStoresNothing() {
        String title = aTitle();
        MultiValueMap<String, String> form = with(aValidForm(title, authority), Map.of(
                "kind", "",
                "url", "http://ikke-sikker.dk/ansoeg",
                "shortDescription", "",
                "supplierName", "",
                "supplierEmail", "ikke en e-mail",
                "authorityCvr", "12345678",
                "plannedGoLive.day", "1", "plannedGoLive.month", "1", "plannedGoLive.year", "2001",
                "actionPage.title", "x".repeat(121)));
        form.put("topics", List.of("familie-og-boern", "findes-ikke"));
        MvcTestResult result = submit(form);
        assertThat(result).hasStatusOk();
        Document page = html(result);
        assertThat(page.title()).startsWith("Fejl: ");
        List<String> links = page.select("#error-summary a").eachAttr("href");
        assertThat(links).containsExactly("#kind", "#shortDescription", "#url", "#topics", "#plannedGoLive",
                "#authorityCvr", "#actionPage.title", "#supplierName", "#supplierEmail");
        for (String link : links) {
            String id = link.substring(1);
            assertThat(page.getElementById(id)).as("the field %s the summary links to", id).isNotNull();
            assertThat(page.getElementById(id + "-error")).as("the error beside %s", id).isNotNull();
        }
        assertThat(page.getElementById("url").attr("aria-describedby")).isEqualTo("url-hint url-error");
        assertThat(page.getElementById("url-error").text())
                .isEqualTo("Fejl: Adressen skal starte med https:// — ikke http://.");
        assertThat(page.getElementById("title").val()).isEqualTo(title);
        assertThat(page.getElementById("url").val()).isEqualTo("http://ikke-sikker.dk/ansoeg");
        assertThat(page.getElementById("supplierEmail").val()).isEqualTo("ikke en e-mail");
        assertThat(page.getElementById("actionPage.beforeYouStart").val()).contains("MitID.");
        assertThat(page.select("#topics").attr("checked")).isEqualTo("checked");
        assertThat(page.select("#loginMethod option[selected]").val()).isEqualTo("MITID_NEMLOGIN");
        assertThat(page.select("input[name=submissionId]").val()).isEqualTo(form.getFirst("submissionId"));
        assertThat(data.requestsTitled(title, editor.account())).isEmpty();
    }

    @Test
    void municipalLinksAndADowntimeTheFormCannotReadAreShownAtTheirFields() {
        String title = aTitle();
        MultiValueMap<String, String> form = with(aValidForm(title, authority), Map.of(
                "scope", "MUNICIPAL",
                "municipalLinks", "101 https://www.kk.dk/ansoeg\nOdense: se hjemmesiden",
                "actionPage.downtimeFrom", "i morgen",
                "actionPage.downtimeMessage", "Lukket."));
        Document page = html(submit(form));
        assertThat(page.select("#error-summary a").eachAttr("href")).containsExactly("#url", "#municipalLinks",
                "#actionPage.downtimeFrom", "#actionPage.downtimeUntil");
        assertThat(page.getElementById("url-error").text()).contains("En kommunal selvbetjening har en adresse for hver");
        assertThat(page.getElementById("municipalLinks-error").text()).contains("Skriv én kommune pr. linje");
        assertThat(page.getElementById("actionPage.downtimeFrom-error").text())
                .isEqualTo("Fejl: Skriv en dato og et klokkeslæt, fx 2027-01-31T22:00.");
        assertThat(page.getElementById("actionPage.downtimeFrom").attr("aria-describedby"))
                .isEqualTo("actionPage.downtimeFrom-error");
        assertThat(page.getElementById("municipalLinks").text()).contains("Odense: se hjemmesiden");
        assertThat(page.getElementById("scope-MUNICIPAL").hasAttr("checked")).isTrue();
        assertThat(data.requestsTitled(title, editor.account())).isEmpty();

        MvcTestResult form2 = submit(with(aValidForm(title, authority), Map.of("serviceKind", "FORM")));
        assertThat(html(form2).select("#error-summary a").eachAttr("href")).containsExactly("#formReturn");
    }

    @Test
    void aMunicipalRequestIsReviewedWithItsLinksItsWholeActionPageAndTheLoginRulesWarning() {
        String title = aTitle();
        MultiValueMap<String, String> form = with(aValidForm(title, authority), Map.of(
                "scope", "MUNICIPAL", "url", "",
                "municipalLinks", "101 https://www.kk.dk/ansoeg\n\n0461\thttps://www.odense.dk/ansoeg",
                "loginMethod", "MITID_BROKER",
                "actionPage.rules", "Lov om social service.",
                "actionPage.downtimeFrom", "2099-03-01T22:00", "actionPage.downtimeUntil", "2099-03-02T06:00",
                "actionPage.downtimeMessage", "Lukket for opdatering."));
        String[] submitted = submitted(form);

        Document review = html(mvc.get().uri("/redaktion/tilslutninger/" + submitted[0]).with(editor.login()).exchange());
        assertThat(review.select(".alert-warning").text()).contains("Tjek log-in")
                .contains("offentlige myndigheder NemLog-in");
        assertThat(review.select(".connection-municipal-links li").eachText()).containsExactly(
                "101 København: https://www.kk.dk/ansoeg", "461 Odense: https://www.odense.dk/ansoeg");
        assertThat(review.select(".action-page-content").text()).contains("Lov om social service.")
                .contains("Lukket fra 1. marts 2099 kl. 22.00 til 2. marts 2099 kl. 06.00 (dansk tid): Lukket for opdatering.");
        assertThat(review.getElementById("linktjek")).as("no URL of its own to check").isNull();

        Document status = html(mvc.get().uri("/tilslut/status/" + submitted[0] + "?token=" + submitted[1]).exchange());
        assertThat(status.text()).contains("Kommunal: hver kommune har sin egen adresse")
                .contains("Lov om social service.").doesNotContain("Tjek log-in");
    }

    @Test
    void aPrivateActorCannotChooseNemLogInAndIsToldTheRule() {
        AuthorityDetails privateActor = data.aPrivateActor();
        Document page = html(submit(with(aValidForm(aTitle(), privateActor), Map.of("loginMethod", "MITID_NEMLOGIN"))));
        assertThat(page.select("#error-summary a").eachAttr("href")).containsExactly("#loginMethod");
        assertThat(page.getElementById("loginMethod-error").text()).contains("Private aktører må ikke bruge NemLog-in")
                .contains("MitID-broker");
    }

    @Test
    void anExistingServiceMustBeChosenForAChange() {
        String title = aTitle();
        MvcTestResult result = submit(with(aValidForm(title, authority), Map.of("kind", "EXISTING")));
        assertThat(result).hasStatusOk();
        Document page = html(result);
        assertThat(page.select("#error-summary a").eachAttr("href")).containsExactly("#existingServiceId");
        assertThat(page.getElementById("kind-EXISTING").hasAttr("checked")).isTrue();

        MvcTestResult chosen = submit(with(aValidForm(title, authority),
                Map.of("kind", "EXISTING", "existingServiceId", published.id().toString())));
        assertThat(chosen).hasStatus(HttpStatus.SEE_OTHER);
    }

    @Test
    void aFilledHoneypotStoresNothingAndThanksWithoutAReference() {
        String title = aTitle();
        MvcTestResult result = submit(with(aValidForm(title, authority), Map.of("website", "https://spam.example")));
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/tilslut/tak");
        assertThat(data.requestsTitled(title, editor.account())).isEmpty();

        MvcTestResult thanks = mvc.get().uri("/tilslut/tak").exchange();
        assertThat(thanks).hasStatusOk();
        assertThat(html(thanks).select("main").text()).contains("Tak for din henvendelse").doesNotContain("TS-");
    }

    @Test
    void theReceiptAndStatusPageNeedTheRightToken() {
        String[] submitted = submitted(aValidForm(aTitle(), authority));
        String reference = submitted[0];
        for (String uri : List.of("/tilslut/kvittering/" + reference, "/tilslut/kvittering/" + reference + "?token=forkert",
                "/tilslut/status/" + reference, "/tilslut/status/" + reference + "?token=forkert",
                "/tilslut/status/TS-1999-000000?token=" + submitted[1])) {
            MvcTestResult result = mvc.get().uri(uri).exchange();
            assertThat(result).as(uri).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(result).as(uri).bodyText().contains("Linket virker ikke").doesNotContain(reference);
        }
        MvcTestResult amend = mvc.post().uri("/tilslut/status/" + reference + "?token=forkert").with(csrf())
                .params(aValidForm(aTitle(), authority)).exchange();
        assertThat(amend).hasStatus(HttpStatus.NOT_FOUND);
    }

    // The status link and amending

    @Test
    void theSupplierAmendsTheRequestWhenTheEditorsAskForChanges() {
        String title = aTitle();
        MultiValueMap<String, String> form = aValidForm(title, authority);
        String[] submitted = submitted(form);
        String reference = submitted[0];
        String statusUri = "/tilslut/status/" + reference + "?token=" + submitted[1];

        Document before = html(mvc.get().uri(statusUri).exchange());
        assertThat(before.select("h1").text()).isEqualTo("Anmodning " + reference);
        assertThat(before.text()).contains("Status: Modtaget").contains(title).contains("support@leverandoer.dk");
        assertThat(before.select("form.connection-form")).isEmpty();

        accounts.runAs(editor, () -> {
            review.take(reference, version(reference));
            return review.requestChanges(reference, version(reference), "Titlen skal sige, hvad borgeren gør.");
        });

        MvcTestResult status = mvc.get().uri(statusUri).exchange();
        assertThat(status).hasStatusOk();
        Document page = html(status);
        assertThat(page.text()).contains("Status: Ændringer ønsket").contains("Titlen skal sige, hvad borgeren gør.");
        assertThat(page.select(".connection-messages li")).hasSize(1);
        assertThat(page.select(".connection-messages").text()).doesNotContain(editor.account().displayName());
        assertThat(page.getElementById("title").val()).isEqualTo(title);
        assertThat(page.getElementById("actionPage.beforeYouStart").val()).isEqualTo("MitID.\nDit CPR-nummer.");
        assertThat(page.select("form.connection-form").attr("action")).isEqualTo(statusUri);

        MultiValueMap<String, String> amended = with(form, Map.of("title", ""));
        MvcTestResult invalid = mvc.post().uri(statusUri).with(csrf()).params(amended).exchange();
        assertThat(invalid).hasStatusOk();
        Document invalidPage = html(invalid);
        assertThat(invalidPage.title()).startsWith("Fejl: ");
        assertThat(invalidPage.select("#error-summary a").eachAttr("href")).containsExactly("#title");
        assertThat(intake.withToken(reference, submitted[1]).status()).isEqualTo(ConnectionRequestStatus.CHANGES_REQUESTED);

        String fixed = title + " (rettet)";
        MvcTestResult ok = mvc.post().uri(statusUri).with(csrf()).params(with(form, Map.of("title", fixed))).exchange();
        assertThat(ok).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo(statusUri);
        assertThat(ok).flash().containsEntry("notice", "connection.web.status.resubmitted");
        ConnectionRequestDetails after = intake.withToken(reference, submitted[1]);
        assertThat(after.title()).isEqualTo(fixed);
        assertThat(after.status()).isEqualTo(ConnectionRequestStatus.IN_REVIEW);

        Document shown = html(mvc.get().uri(statusUri).flashAttr("notice", "connection.web.status.resubmitted").exchange());
        assertThat(shown.select(".alert-success").text()).contains("Din rettede anmodning er sendt til redaktionen.");
        assertThat(shown.text()).contains("Status: Under behandling").contains(fixed);

        MvcTestResult again = mvc.post().uri(statusUri).with(csrf()).params(with(form, Map.of("title", fixed))).exchange();
        assertThat(again).hasStatus(HttpStatus.CONFLICT);
        assertThat(html(again).select(".alert-error").text())
                .contains("Anmodningen kan kun rettes, når redaktionen har bedt om ændringer. Den er nu: Under behandling.");
    }

    // The review

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        for (String uri : List.of("/redaktion/tilslutninger", "/redaktion/tilslutninger/TS-2026-000001")) {
            MvcTestResult result = mvc.get().uri(uri).exchange();
            assertThat(result).as(uri).hasStatus3xxRedirection();
            assertThat(result.getResponse().getRedirectedUrl()).as(uri).endsWith("/redaktion/log-ind");
        }
        MvcTestResult post = mvc.post().uri("/redaktion/tilslutninger/TS-2026-000001/tag").with(csrf())
                .param("version", "0").exchange();
        assertThat(post.getResponse().getRedirectedUrl()).endsWith("/redaktion/log-ind");
    }

    @Test
    void theQueueShowsCountsAndFiltersByStatusKindAndAge() {
        String title = aTitle();
        String reference = submitted(aValidForm(title, authority))[0];

        // oldest first: the newest request is on the last page (a page number past the end is the last page)
        MvcTestResult result = mvc.get().uri("/redaktion/tilslutninger?side=9999").with(editor.login()).exchange();
        assertThat(result).hasStatusOk();
        Document page = html(result);
        assertThat(page.select("h1").text()).isEqualTo("Anmodninger om tilslutning");
        assertThat(page.select(".connection-counts a").eachText()).anyMatch(t -> t.matches("Modtaget: \\d+"));
        var row = page.select("table.connection-queue tr:has(a:containsOwn(" + reference + "))");
        assertThat(row).hasSize(1);
        assertThat(row.select("a").attr("href")).isEqualTo("/redaktion/tilslutninger/" + reference);
        assertThat(row.text()).contains(title).contains("Ny selvbetjening").contains("Modtaget").contains("Leverandøren A/S");

        assertThat(html(mvc.get().uri("/redaktion/tilslutninger?status=IN_REVIEW").with(editor.login()).exchange())
                .text()).doesNotContain(reference);
        assertThat(html(mvc.get().uri("/redaktion/tilslutninger?status=SUBMITTED&slags=NEW&side=9999").with(editor.login())
                .exchange()).text()).contains(reference);
        assertThat(html(mvc.get().uri("/redaktion/tilslutninger?slags=EXISTING").with(editor.login()).exchange())
                .text()).doesNotContain(reference);
        assertThat(html(mvc.get().uri("/redaktion/tilslutninger?aeldreEnd=1").with(editor.login()).exchange())
                .text()).doesNotContain(reference);
        Document filtered = html(mvc.get().uri("/redaktion/tilslutninger?aeldreEnd=0&status=SUBMITTED&side=9999")
                .with(editor.login()).exchange());
        assertThat(filtered.text()).contains(reference);
        assertThat(filtered.select("#status option[selected]").val()).isEqualTo("SUBMITTED");

        Document wrong = html(mvc.get().uri("/redaktion/tilslutninger?aeldreEnd=mange").with(editor.login()).exchange());
        assertThat(wrong.title()).startsWith("Fejl: ");
        assertThat(wrong.getElementById("aeldreEnd-error").text()).contains("Skriv et helt antal dage fra 0 til 3650.");
    }

    @Test
    void theQueueOpensOnWhatWaitsForTheEditorsWithCountsPagesAndAll() {
        AuthorityDetails own = data.anAuthority();
        TestAccount reader = accounts.authorityEditor(own.id());
        List<String> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 26; i++) {
            waiting.add(submitted(aValidForm(aTitle(), own))[0]);
        }
        accounts.runAs(editor, () -> review.take(waiting.get(1), version(waiting.get(1))));
        String rejected = submitted(aValidForm(aTitle(), own))[0];
        accounts.runAs(editor, () -> review.reject(rejected, review.take(rejected, version(rejected)).version(),
                "Dublet."));

        Document first = html(mvc.get().uri("/redaktion/tilslutninger").with(reader.login()).exchange());
        assertThat(first.select(".connection-counts a[aria-current=true]").text()).isEqualTo("Venter på redaktionen (26)");
        assertThat(first.select(".connection-counts a").eachText()).contains("Modtaget: 25", "Under behandling: 1",
                "Afvist: 1", "Alle (27)");
        assertThat(first.select(".connection-queue-total").text()).isEqualTo("26 anmodninger");
        assertThat(first.select("table.connection-queue tbody tr")).hasSize(25);
        assertThat(first.select("table.connection-queue tbody tr a").first().text()).isEqualTo(waiting.get(0));
        assertThat(first.select("nav.list-pages").text()).contains("Side 1 af 2");
        String next = first.select("nav.list-pages a").attr("href");
        assertThat(next).isEqualTo("/redaktion/tilslutninger?side=2");

        Document second = html(mvc.get().uri(next).with(reader.login()).exchange());
        assertThat(second.select("table.connection-queue tbody tr a").eachText()).containsExactly(waiting.get(25));
        assertThat(second.text()).doesNotContain(rejected);

        Document all = html(mvc.get().uri("/redaktion/tilslutninger?status=ALLE").with(reader.login()).exchange());
        assertThat(all.select(".connection-counts a[aria-current=true]").text()).isEqualTo("Alle (27)");
        assertThat(all.select(".connection-queue-total").text()).isEqualTo("27 anmodninger");
        assertThat(all.select("#status option[selected]").val()).isEqualTo("ALLE");
        String allNext = all.select("nav.list-pages a").attr("href");
        assertThat(allNext).isEqualTo("/redaktion/tilslutninger?status=ALLE&side=2");
        assertThat(html(mvc.get().uri(allNext).with(reader.login()).exchange()).text()).contains(rejected);

        Document onlyRejected = html(mvc.get().uri("/redaktion/tilslutninger?status=REJECTED").with(reader.login())
                .exchange());
        assertThat(onlyRejected.select(".connection-counts a[aria-current=true]").text()).isEqualTo("Afvist: 1");
        assertThat(onlyRejected.select("table.connection-queue tbody tr a").eachText()).containsExactly(rejected);
        assertThat(onlyRejected.select("nav.list-pages")).isEmpty();
    }

    @Test
    void theQueueSaysWhenNothingWaitsAndLinksToAll() {
        AuthorityDetails own = data.anAuthority();
        TestAccount reader = accounts.authorityEditor(own.id());
        String rejected = submitted(aValidForm(aTitle(), own))[0];
        accounts.runAs(editor, () -> review.reject(rejected, review.take(rejected, version(rejected)).version(),
                "Dublet."));

        Document page = html(mvc.get().uri("/redaktion/tilslutninger").with(reader.login()).exchange());
        assertThat(page.select(".connection-queue-none").text())
                .isEqualTo("Ingen anmodninger venter på redaktionen lige nu. Alle (1)");
        assertThat(page.select(".connection-queue-none a").attr("href")).isEqualTo("/redaktion/tilslutninger?status=ALLE");
        assertThat(page.select("table.connection-queue")).isEmpty();
    }

    @Test
    void anEditorTakesRequestsChangesApprovesAndPublishes() {
        String title = aTitle();
        String reference = submitted(aValidForm(title, authority))[0];
        String page = "/redaktion/tilslutninger/" + reference;

        Document submittedPage = html(mvc.get().uri(page).with(editor.login()).exchange());
        assertThat(submittedPage.select("h1").text()).isEqualTo(title);
        assertThat(submittedPage.text()).contains("Anmodning " + reference).contains("Leverandøren A/S")
                .contains(authority.name()).contains("Familie og børn, Sundhed og sygdom");
        String submittedVersion = submittedPage.select("form[action$=/tag] input[name=version]").val();
        assertThat(submittedVersion).isEqualTo(Long.toString(version(reference)));
        assertThat(submittedPage.select("form[action$=/godkend]")).isEmpty();
        assertThat(submittedPage.select("table.connection-history").text()).contains("indsendt");
        assertThat(submittedPage.select("#request-status").text()).isEqualTo("Modtaget");
        assertThat(submittedPage.select("#next-action").text()).isEqualTo("Næste skridt: Tag anmodningen til behandling.");

        MvcTestResult taken = action(reference, "tag", Map.of("version", submittedVersion));
        assertThat(taken).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(taken.getResponse().getRedirectedUrl()).isEqualTo(page);
        assertThat(taken).flash().containsEntry("notice", "connection.web.review.notice.taken");
        Document inReview = html(mvc.get().uri(page).with(editor.login())
                .flashAttr("notice", "connection.web.review.notice.taken").exchange());
        assertThat(inReview.select(".alert-success").text()).contains("Du har taget anmodningen til behandling.");
        assertThat(inReview.select("form[action$=/godkend], form[action$=/afvis], form[action$=/bed-om-aendringer]"))
                .hasSize(3);
        assertThat(inReview.select("#next-action").text())
                .isEqualTo("Næste skridt: Godkend anmodningen, bed leverandøren om ændringer, eller afvis den.");
        String version = inReview.select("form[action$=/godkend] input[name=version]").val();

        MvcTestResult empty = action(reference, "bed-om-aendringer", Map.of("version", version, "changesMessage", " "));
        assertThat(empty).hasStatusOk();
        Document emptyPage = html(empty);
        assertThat(emptyPage.title()).startsWith("Fejl: ");
        assertThat(emptyPage.select("#error-summary a").attr("href")).isEqualTo("#changesMessage");
        assertThat(emptyPage.getElementById("changesMessage-error").text()).contains("Skriv en besked til leverandøren.");
        assertThat(review.forAccount(reference, editor.account()).status()).isEqualTo(ConnectionRequestStatus.IN_REVIEW);

        MvcTestResult approved = action(reference, "godkend", Map.of("version", version));
        assertThat(approved).hasStatus(HttpStatus.SEE_OTHER);
        Document approvedPage = html(mvc.get().uri(page).with(editor.login()).exchange());
        assertThat(approvedPage.select("form[action$=/udgiv]")).hasSize(1);
        assertThat(approvedPage.select("#request-status").text()).isEqualTo("Godkendt");
        assertThat(approvedPage.select("#next-action").text()).startsWith("Næste skridt: Udgiv selvbetjeningen");
        String approvedVersion = approvedPage.select("form[action$=/udgiv] input[name=version]").val();
        ConnectionRequestDetails details = review.forAccount(reference, editor.account());
        assertThat(services.byId(details.createdServiceId()).status()).isEqualTo(SelfServiceStatus.DRAFT);

        MvcTestResult publishedResult = action(reference, "udgiv", Map.of("version", approvedVersion));
        assertThat(publishedResult).hasStatus(HttpStatus.SEE_OTHER);
        SelfServiceDetails created = services.byId(details.createdServiceId());
        assertThat(created.status()).isEqualTo(SelfServiceStatus.PUBLISHED);
        Document publishedPage = html(mvc.get().uri(page).with(editor.login()).exchange());
        assertThat(publishedPage.select("a.connection-published-link").attr("href"))
                .isEqualTo("/handlingsside/" + created.slug());
        assertThat(publishedPage.select("form[action$=/udgiv]")).isEmpty();
        assertThat(publishedPage.select("#request-status").text()).isEqualTo("Udgivet");
        assertThat(publishedPage.select("#next-action").text()).isEqualTo("Næste skridt: Ingen. Selvbetjeningen er udgivet.");
        // the queue's row says the same as the request's page
        Document queue = html(mvc.get().uri("/redaktion/tilslutninger?status=APPROVED&side=9999").with(editor.login())
                .exchange());
        assertThat(queue.select("table.connection-queue tr:has(a:containsOwn(" + reference + ")) td").eachText())
                .contains("Udgivet").doesNotContain("Godkendt");

        MvcTestResult stale = action(reference, "udgiv", Map.of("version", approvedVersion));
        assertThat(stale).hasStatus(HttpStatus.CONFLICT);
        assertThat(html(stale).select(".alert-error").text()).contains("Anmodningen er ændret, siden du hentede den.");
        MvcTestResult twice = action(reference, "udgiv", Map.of("version", Long.toString(version(reference))));
        assertThat(twice).hasStatus(HttpStatus.CONFLICT);
        assertThat(html(twice).select(".alert-error").text())
                .contains("Kun en godkendt anmodning kan udgives, og kun én gang.");
    }

    @Test
    void anActionTheStatusDoesNotAllowIsAConflictWithTheReason() {
        String reference = submitted(aValidForm(aTitle(), authority))[0];
        MvcTestResult result = action(reference, "godkend", Map.of("version", Long.toString(version(reference))));
        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        Document page = html(result);
        assertThat(page.title()).startsWith("Fejl: ");
        assertThat(page.select(".alert-error").text()).contains("Handlingen er ikke udført")
                .contains("Du kan kun godkende en anmodning under behandling. Den er nu: Modtaget.");
        assertThat(page.select("h1").text()).isNotBlank();
        assertThat(review.forAccount(reference, editor.account()).status()).isEqualTo(ConnectionRequestStatus.SUBMITTED);
    }

    @Test
    void anActionOnAnOutdatedPageIsAConflictAndChangesNothing() {
        String reference = submitted(aValidForm(aTitle(), authority))[0];
        String loaded = Long.toString(version(reference));
        assertThat(action(reference, "tag", Map.of("version", loaded))).hasStatus(HttpStatus.SEE_OTHER);

        for (Map<String, String> stale : List.of(Map.of("version", loaded, "rejectMessage", "Dublet.", "bekraeftet", "ja"),
                Map.of("rejectMessage", "Dublet.", "bekraeftet", "ja"),
                Map.of("version", "x", "rejectMessage", "Dublet.", "bekraeftet", "ja"))) {
            MvcTestResult result = action(reference, "afvis", stale);
            assertThat(result).as("%s", stale).hasStatus(HttpStatus.CONFLICT);
            assertThat(html(result).select(".alert-error").text())
                    .contains("Anmodningen er ændret, siden du hentede den.");
        }
        assertThat(review.forAccount(reference, editor.account()).status()).isEqualTo(ConnectionRequestStatus.IN_REVIEW);
    }

    @Test
    void anEditorRejectsWithAReasonTheSupplierSees() {
        String[] submitted = submitted(aValidForm(aTitle(), authority));
        String reference = submitted[0];
        action(reference, "tag", Map.of("version", Long.toString(version(reference))));
        MvcTestResult asked = action(reference, "afvis", Map.of("version", Long.toString(version(reference)),
                "rejectMessage", "Den findes allerede."));
        assertThat(asked).as("the first post asks").hasStatusOk();
        Document confirmation = html(asked);
        assertThat(confirmation.select("main li").eachText()).contains("Den findes allerede.");
        assertThat(confirmation.select("main form button.button-warning").text()).isEqualTo("Ja, afvis anmodningen");
        assertThat(confirmation.select("main form input[name=rejectMessage]").val()).isEqualTo("Den findes allerede.");
        assertThat(review.forAccount(reference, editor.account()).status())
                .as("a post without the confirmation destroys nothing").isEqualTo(ConnectionRequestStatus.IN_REVIEW);
        assertThat(action(reference, "afvis", Map.of("version", Long.toString(version(reference)),
                "rejectMessage", "Den findes allerede.", "bekraeftet", "ja")))
                .hasStatus(HttpStatus.SEE_OTHER);
        Document page = html(mvc.get().uri("/redaktion/tilslutninger/" + reference).with(editor.login()).exchange());
        assertThat(page.select(".connection-messages").text()).contains("Den findes allerede.")
                .contains(editor.account().displayName());
        assertThat(page.select("form[action*=/redaktion/tilslutninger/" + reference + "/]")).isEmpty();
        Document status = html(mvc.get().uri("/tilslut/status/" + reference + "?token=" + submitted[1]).exchange());
        assertThat(status.text()).contains("Status: Afvist").contains("Den findes allerede.");
    }

    @Test
    void aChangeToAnExistingServiceIsComparedFieldByField() {
        String title = aTitle();
        MvcTestResult result = submit(with(aValidForm(title, authority), Map.of("kind", "EXISTING",
                "existingServiceId", published.id().toString(), "url", published.url())));
        String reference = referenceAndToken(result.getResponse().getRedirectedUrl())[0];

        Document page = html(mvc.get().uri("/redaktion/tilslutninger/" + reference).with(editor.login()).exchange());
        var rows = page.select("table.connection-comparison tbody tr");
        assertThat(rows).isNotEmpty();
        var titleRow = rows.select("tr:has(th:containsOwn(Titel))");
        assertThat(titleRow.hasClass("connection-changed")).isTrue();
        assertThat(titleRow.text()).contains(published.title()).contains(title).contains("Ændret");
        var urlRow = rows.select("tr:has(th:containsOwn(URL))");
        assertThat(urlRow.hasClass("connection-changed")).isFalse();
        assertThat(urlRow.select(".sr-only").text()).isEqualTo("Uændret");
        assertThat(page.text()).contains("Ændring af eksisterende selvbetjening").contains(published.title());
    }

    @Test
    void duplicateAddressesAreFlaggedInTheQueueOnTheReviewPageAndOnTheReceipt() {
        String url = "https://www.example-styrelse.dk/dublet/" + java.util.UUID.randomUUID();
        String first = submitted(with(aValidForm(aTitle(), authority), Map.of("url", url)))[0];
        String[] second = submitted(with(aValidForm(aTitle(), authority), Map.of("url", url)));

        Document review = html(mvc.get().uri("/redaktion/tilslutninger/" + second[0]).with(editor.login()).exchange());
        assertThat(review.select(".alert-warning a").attr("href")).isEqualTo("/redaktion/tilslutninger/" + first);
        Document queue = html(mvc.get().uri("/redaktion/tilslutninger?side=9999").with(editor.login()).exchange());
        assertThat(queue.select("tr:has(a:containsOwn(" + second[0] + ")) .badge").text()).isEqualTo("Mulig dublet");
        Document receipt = html(mvc.get().uri("/tilslut/kvittering/" + second[0] + "?token=" + second[1]).exchange());
        assertThat(receipt.select(".alert-warning").text()).contains("En anden anmodning har samme adresse.");
        assertThat(receipt.text()).doesNotContain(first);
        assertThat(receipt.select(".alert-warning a")).isEmpty();
        Document status = html(mvc.get().uri("/tilslut/status/" + second[0] + "?token=" + second[1]).exchange());
        assertThat(status.select(".alert-warning").text()).contains("En anden anmodning har samme adresse.");
        assertThat(status.text()).doesNotContain(first);

        String[] sameAsPublished = submitted(with(aValidForm(aTitle(), authority), Map.of("url", published.url())));
        Document publishedReceipt = html(mvc.get().uri("/tilslut/kvittering/" + sameAsPublished[0] + "?token="
                + sameAsPublished[1]).exchange());
        assertThat(publishedReceipt.select(".alert-warning a").attr("href")).isEqualTo("/handlingsside/" + published.slug());
    }

    @Test
    void aMunicipalRequestWhoseLinkIsAServicesOrAnotherRequestsIsFlaggedInTheQueueOnTheReviewPageAndOnTheReceipt() {
        String path = "/kommunal-dublet/" + java.util.UUID.randomUUID();
        SelfServiceDetails service = portal.publishedMunicipal(Map.of(101, "https://www.kk.dk" + path));
        String[] same = submitted(with(aValidForm(aTitle(), authority), Map.of("scope", "MUNICIPAL", "url", "",
                "municipalLinks", "101 HTTPS://WWW.KK.DK" + path + "/\n461 https://www.odense.dk" + path)));
        String[] first = submitted(with(aValidForm(aTitle(), authority), Map.of("scope", "MUNICIPAL", "url", "",
                "municipalLinks", "147 https://www.frederiksberg.dk" + path)));
        String[] second = submitted(with(aValidForm(aTitle(), authority), Map.of("scope", "MUNICIPAL", "url", "",
                "municipalLinks", "147 https://WWW.frederiksberg.dk" + path + "/#start")));

        Document queue = html(mvc.get().uri("/redaktion/tilslutninger?side=9999").with(editor.login()).exchange());
        for (String reference : List.of(same[0], first[0], second[0])) {
            assertThat(queue.select("tr:has(a:containsOwn(" + reference + ")) .badge").text()).as(reference)
                    .isEqualTo("Mulig dublet");
        }
        Document review = html(mvc.get().uri("/redaktion/tilslutninger/" + same[0]).with(editor.login()).exchange());
        assertThat(review.select(".alert-warning li").text())
                .isEqualTo(service.title() + " har samme link for København");
        assertThat(review.select(".alert-warning a").attr("href")).isEqualTo("/handlingsside/" + service.slug());
        Document secondReview = html(mvc.get().uri("/redaktion/tilslutninger/" + second[0]).with(editor.login())
                .exchange());
        assertThat(secondReview.select(".alert-warning li").text())
                .isEqualTo("Anmodning " + first[0] + " har samme link for Frederiksberg");

        for (String uri : List.of("/tilslut/kvittering/" + same[0] + "?token=" + same[1],
                "/tilslut/status/" + same[0] + "?token=" + same[1])) {
            Document page = html(mvc.get().uri(uri).exchange());
            assertThat(page.select(".alert-warning li").text()).as(uri)
                    .isEqualTo(service.title() + " har samme link for København");
            assertThat(page.select(".alert-warning a").attr("href")).isEqualTo("/handlingsside/" + service.slug());
        }
        Document receipt = html(mvc.get().uri("/tilslut/kvittering/" + second[0] + "?token=" + second[1]).exchange());
        assertThat(receipt.select(".alert-warning li").text())
                .isEqualTo("En anden anmodning har samme link for Frederiksberg.");
        assertThat(receipt.text()).doesNotContain(first[0]);
    }

    @Test
    void aDraftWithTheSameAddressIsNamedToEditorsOnlyAndAnotherRequestsTitleToNobody() {
        String url = "https://www.example-styrelse.dk/kladde/" + java.util.UUID.randomUUID();
        SelfServiceDetails draft = dk.selvbetjening.shared.SystemPrincipal.call(() -> services.add(
                dk.selvbetjening.catalogue.SelfServiceFixtures.aNationalSelfService(authority.id(), url)));
        String otherTitle = aTitle();
        String first = submitted(with(aValidForm(otherTitle, authority), Map.of("url", url)))[0];
        String[] second = submitted(with(aValidForm(aTitle(), authority), Map.of("url", url)));

        for (String uri : List.of("/tilslut/kvittering/" + second[0] + "?token=" + second[1],
                "/tilslut/status/" + second[0] + "?token=" + second[1])) {
            Document page = html(mvc.get().uri(uri).exchange());
            assertThat(page.select(".alert-warning li")).as(uri).singleElement()
                    .satisfies(li -> assertThat(li.text()).isEqualTo("En anden anmodning har samme adresse."));
            assertThat(page.text()).as(uri).doesNotContain(draft.title()).doesNotContain(draft.slug())
                    .doesNotContain(first).doesNotContain(otherTitle);
        }
        Document review = html(mvc.get().uri("/redaktion/tilslutninger/" + second[0]).with(editor.login()).exchange());
        assertThat(review.select(".alert-warning").text()).contains(draft.title()).contains(first);
        TestAccount own = accounts.authorityEditor(authority.id());
        Document ownView = html(mvc.get().uri("/redaktion/tilslutninger/" + second[0]).with(own.login()).exchange());
        assertThat(ownView.select(".alert-warning").text()).as("an authority editor sees the public view")
                .contains("En anden anmodning har samme adresse.").doesNotContain(draft.title()).doesNotContain(first);
    }

    @Test
    void theSameFormSentAgainWithOtherContentIsNotAnsweredWithTheFirstReceipt() {
        MultiValueMap<String, String> form = aValidForm(aTitle(), authority);
        String[] first = submitted(form);
        String otherTitle = aTitle();
        MvcTestResult again = submit(with(form, Map.of("title", otherTitle)));
        assertThat(again).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        Document page = html(again);
        assertThat(page.text()).doesNotContain(first[0]).doesNotContain(first[1])
                .contains("Du har allerede sendt denne formular");
        assertThat(page.getElementById("title").val()).isEqualTo(otherTitle);
        assertThat(page.select("input[name=submissionId]").val()).as("a new form, so sending it again is a new request")
                .isNotEqualTo(form.getFirst("submissionId"));
        assertThat(data.requestsTitled(otherTitle, editor.account())).isEmpty();
    }

    @Test
    void anAuthorityEditorSeesOnlyTheOwnAuthoritysRequestsAndCannotAct() {
        AuthorityDetails other = data.anAuthority();
        TestAccount own = accounts.authorityEditor(authority.id());
        String ownReference = submitted(aValidForm(aTitle(), authority))[0];
        String otherReference = submitted(aValidForm(aTitle(), other))[0];

        Document queue = html(mvc.get().uri("/redaktion/tilslutninger?side=9999").with(own.login()).exchange());
        assertThat(queue.text()).contains(ownReference).doesNotContain(otherReference);

        MvcTestResult ownPage = mvc.get().uri("/redaktion/tilslutninger/" + ownReference).with(own.login()).exchange();
        assertThat(ownPage).hasStatusOk();
        assertThat(html(ownPage).select("#next-action").text())
                .isEqualTo("Næste skridt: Redaktionen behandler anmodningen.");
        assertThat(html(ownPage).select("form[action*=/redaktion/tilslutninger/]")).isEmpty();
        assertThat(html(ownPage).text()).contains("Kun redaktionen kan behandle den.");

        assertThat(mvc.get().uri("/redaktion/tilslutninger/" + otherReference).with(own.login()).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/redaktion/tilslutninger/" + otherReference + "/tag").with(csrf()).with(own.login())
                .param("version", "0").exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/redaktion/tilslutninger/" + ownReference + "/tag").with(csrf()).with(own.login())
                .param("version", "0").exchange()).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(review.forAccount(ownReference, editor.account()).status()).isEqualTo(ConnectionRequestStatus.SUBMITTED);
    }

    @Test
    void anUnknownRequestIsTheDanish404() {
        MvcTestResult result = mvc.get().uri("/redaktion/tilslutninger/TS-1999-000000").with(editor.login()).exchange();
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result).bodyText().contains("Siden findes ikke");
    }

    @Test
    void submissionsThroughTheServiceShowOnThePagesToo() {
        Receipt receipt = accounts.runAsVisitor(() -> intake.submit(new Submission("NEW", null, aTitle(), "https://www.example-styrelse.dk/api/"
                + java.util.UUID.randomUUID(), "Kort.", "API-leverandøren", "api@leverandoer.dk", null, null, null,
                List.of(), null, Submission.NO_ACTION_PAGE), null));
        Document page = html(mvc.get().uri("/tilslut/status/" + receipt.reference() + "?token=" + receipt.statusToken())
                .exchange());
        assertThat(page.text()).as("empty optional answers are left out").contains("API-leverandøren")
                .doesNotContain("Ikke udfyldt").doesNotContain("Log-in").doesNotContain("Emner")
                .doesNotContain("Planlagt idriftsættelse");
        assertThat(page.text()).contains("Der er ikke foreslået en tekst.");
    }

    private long version(String reference) {
        return review.forAccount(reference, editor.account()).version();
    }

    private MvcTestResult action(String reference, String action, Map<String, String> params) {
        var request = mvc.post().uri("/redaktion/tilslutninger/" + reference + "/" + action).with(csrf())
                .with(editor.login());
        params.forEach(request::param);
        return request.exchange();
    }
}
