package dk.selvbetjening.connection.web;

import static dk.selvbetjening.connection.web.ConnectionWebTestData.aTitle;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.aValidForm;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.fromOwnAddress;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.html;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.referenceAndToken;
import static dk.selvbetjening.connection.web.ConnectionWebTestData.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.connection.ConnectionIntakeService;
import dk.selvbetjening.connection.ConnectionRequestDetails;
import dk.selvbetjening.portal.PortalTestData;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The public form's way to sending: "Fortsæt" checks the answers and shows "Tjek dine svar" (storing nothing), "Ret"
 * goes back to the form at the field with every answer kept, "Send anmodning" stores the request once and shows the
 * receipt; and every kind of mistake has its own Danish message at its field and in the error summary.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionCheckAnswersWebTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ConnectionWebTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    ConnectionIntakeService intake;

    @Autowired
    PortalTestData portal;

    AuthorityDetails authority;
    SelfServiceDetails published;

    @BeforeAll
    void anAuthorityAndAPublishedService() {
        authority = data.anAuthority();
        published = portal.publishedNational("https://www.example-styrelse.dk/tjek-svar");
    }

    private MvcTestResult post(String uri, MultiValueMap<String, String> form) {
        return mvc.post().uri(uri).with(fromOwnAddress()).params(form).exchange();
    }

    private MvcTestResult check(MultiValueMap<String, String> form) {
        return post("/tilslut/tjek-svar", form);
    }

    /** Every hidden field of the check page, as the browser would post them again. */
    private static MultiValueMap<String, String> hiddenFields(Document page) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        for (Element input : page.select("form.connection-check input[type=hidden]")) {
            fields.add(input.attr("name"), input.val());
        }
        return fields;
    }

    private int stored(String title) {
        return data.requestsTitled(title, accounts.editor().account()).size();
    }

    // Check answers, change, send, receipt

    @Test
    void fortsaetShowsTheAnswersStoresNothingAndSendAnmodningSendsThemOnceToTheReceipt() {
        String title = aTitle();
        MultiValueMap<String, String> form = with(aValidForm(title, authority), Map.of(
                "plannedGoLive.day", "1", "plannedGoLive.month", "3", "plannedGoLive.year", "2099",
                "actionPage.fees", "Det er gratis."));

        MvcTestResult checked = check(form);

        assertThat(checked).hasStatusOk();
        Document page = html(checked);
        assertThat(page.title()).isEqualTo("Tjek dine svar – Selvbetjening");
        assertThat(page.select("h1").text()).isEqualTo("Tjek dine svar, før du sender anmodningen");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
        assertThat(stored(title)).as("nothing stored before sending").isZero();
        Map<String, String> answers = new LinkedHashMap<>();
        for (Element row : page.select(".summary-list-row")) {
            answers.putIfAbsent(row.selectFirst("dt").text(), row.selectFirst(".summary-list-value").text());
        }
        assertThat(answers).containsEntry("Ny eller eksisterende", "Ny selvbetjening")
                .containsEntry("Titel", title)
                .containsEntry("Log-in", "MitID via NemLog-in")
                .containsEntry("Emner", "Familie og børn Sundhed og sygdom")
                .containsEntry("Planlagt idriftsættelse", "1. marts 2099")
                .containsEntry("Myndighedens CVR-nummer", authority.name() + " (CVR " + authority.cvrNumber() + ")")
                .containsEntry("Før du går i gang", "MitID. Dit CPR-nummer.")
                .containsEntry("Gebyrer", "Det er gratis.")
                .containsEntry("Løsningsleverandørens e-mail", "support@leverandoer.dk")
                .doesNotContainKeys("Frister", "Eksisterende selvbetjening", "Kommunernes adresser");
        assertThat(page.text()).doesNotContain("Ikke udfyldt");
        Element titleRow = page.select(".summary-list-row").stream()
                .filter(row -> row.selectFirst("dt").text().equals("Titel")).findFirst().orElseThrow();
        Element change = titleRow.selectFirst("button[type=submit]");
        assertThat(change.attr("formaction")).isEqualTo("/tilslut/ret#title");
        assertThat(change.text()).isEqualTo("Ret Titel");
        assertThat(change.select(".sr-only").text()).isEqualTo("Titel");
        assertThat(page.select("form.connection-check").attr("action")).isEqualTo("/tilslut");
        assertThat(page.select("form.connection-check > button.button-primary").text()).isEqualTo("Send anmodning");

        MultiValueMap<String, String> carried = hiddenFields(page);
        MvcTestResult changed = post("/tilslut/ret", carried);
        assertThat(changed).hasStatusOk();
        Document formAgain = html(changed);
        assertThat(formAgain.getElementById("title").val()).isEqualTo(title);
        assertThat(formAgain.getElementById("plannedGoLive-month").val()).isEqualTo("3");
        assertThat(formAgain.getElementById("actionPage.beforeYouStart").val()).contains("MitID.\n").contains("Dit CPR-nummer.");
        assertThat(formAgain.getElementById("actionPage.fees").text()).isEqualTo("Det er gratis.");
        assertThat(formAgain.select("#topics-sundhed-og-sygdom").attr("checked")).isEqualTo("checked");
        assertThat(formAgain.select("input[name=submissionId]").val()).isEqualTo(form.getFirst("submissionId"));
        assertThat(formAgain.select("#error-summary")).isEmpty();

        MvcTestResult sent = post("/tilslut", carried);
        assertThat(sent).hasStatus(HttpStatus.SEE_OTHER);
        String[] referenceAndToken = referenceAndToken(sent.getResponse().getRedirectedUrl());
        MvcTestResult again = post("/tilslut", carried);
        assertThat(again.getResponse().getRedirectedUrl()).as("the same submission id: the same request")
                .isEqualTo(sent.getResponse().getRedirectedUrl());
        assertThat(stored(title)).isEqualTo(1);
        ConnectionRequestDetails request = intake.withToken(referenceAndToken[0], referenceAndToken[1]);
        assertThat(request.plannedGoLive()).as("stored as before: a date").isEqualTo(LocalDate.of(2099, 3, 1));
        assertThat(request.actionPage().fees()).isEqualTo("Det er gratis.");
        assertThat(request.actionPage().beforeYouStart()).containsExactly("MitID.", "Dit CPR-nummer.");

        Document receipt = html(mvc.get().uri(sent.getResponse().getRedirectedUrl()).exchange());
        assertThat(receipt.select(".confirmation-panel h1").text()).isEqualTo("Anmodningen er sendt");
        assertThat(receipt.select(".confirmation-panel").text()).contains(title).contains(referenceAndToken[0]);
        assertThat(receipt.select("ol.connection-next-steps li")).hasSize(4);
    }

    @Test
    void aChangeShowsTheServiceItChangesAndItsAuthority() {
        Document page = html(check(with(aValidForm(aTitle(), authority), Map.of("kind", "EXISTING",
                "existingServiceId", published.id().toString(), "authorityCvr", ""))));
        assertThat(page.select(".summary-list-row dt").eachText()).contains("Eksisterende selvbetjening");
        assertThat(page.select(".summary-list-value").eachText()).contains(published.title(),
                "Ændring af eksisterende selvbetjening");
        assertThat(page.select("button[formaction=/tilslut/ret#existingServiceId]")).hasSize(1);
    }

    @Test
    void aFormShowsHowItIsReturnedAndAMunicipalSolutionItsMunicipalities() {
        MultiValueMap<String, String> form = with(aValidForm(aTitle(), authority), Map.of("serviceKind", "FORM",
                "scope", "MUNICIPAL", "url", "", "municipalLinks", "101 https://www.kk.dk/blanket"));
        form.put("formReturn", List.of("POST", "DIGITAL_SIGNED"));
        Document page = html(check(form));
        assertThat(page.select("#error-summary")).isEmpty();
        assertThat(page.select(".summary-list-row:has(button[formaction=/tilslut/ret#formReturn]) li").eachText())
                .containsExactly("Udskrevet og sendt med posten", "Digitalt, underskrevet med MitID");
        assertThat(page.select(".summary-list-row:has(button[formaction=/tilslut/ret#municipalLinks]) li").eachText())
                .containsExactly("101 København: https://www.kk.dk/blanket");
        assertThat(page.select("input[type=hidden][name=formReturn]").eachAttr("value"))
                .containsExactly("POST", "DIGITAL_SIGNED");
        assertThat(page.select("button[formaction=/tilslut/ret#url]")).as("no address of its own").isEmpty();
    }

    @Test
    void fortsaetWithMistakesShowsTheFormWithItsErrorsAndStoresNothing() {
        String title = aTitle();
        MvcTestResult result = check(with(aValidForm(title, authority), Map.of("title", "")));
        assertThat(result).hasStatusOk();
        Document page = html(result);
        assertThat(page.title()).startsWith("Fejl: ");
        assertThat(page.select("#error-summary a").eachAttr("href")).containsExactly("#title");
        assertThat(page.select("#error-summary").attr("data-module")).isEqualTo("error-summary");
        assertThat(page.select("#error-summary").attr("tabindex")).isEqualTo("-1");
        assertThat(stored(title)).isZero();
    }

    @Test
    void aFilledHoneypotOnFortsaetThanksAndShowsNothing() {
        MvcTestResult result = check(with(aValidForm(aTitle(), authority), Map.of("website", "https://spam.example")));
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/tilslut/tak");
    }

    // One message per kind of mistake

    /** The error at {@code id} and its link in the summary, for the form with {@code changes}. */
    private String errorFor(Map<String, String> changes, String id) {
        Document page = html(check(with(aValidForm(aTitle(), authority), changes)));
        String message = page.select("#error-summary a[href=#" + id + "]").text();
        assertThat(page.select("#" + id.replace(".", "\\.") + "-error").text()).as("the error at #%s", id)
                .isEqualTo("Fejl: " + message);
        return message;
    }

    @Test
    void everyKindOfMistakeHasItsOwnMessage() {
        assertThat(errorFor(Map.of("title", " "), "title")).isEqualTo("Skriv titlen.");
        assertThat(errorFor(Map.of("title", "x".repeat(121)), "title")).isEqualTo("Titlen må højst være 120 tegn.");
        assertThat(errorFor(Map.of("url", ""), "url")).isEqualTo("Skriv adressen, hvor borgeren starter selvbetjeningen.");
        assertThat(errorFor(Map.of("url", "http://www.kommune.dk/ansoeg"), "url"))
                .isEqualTo("Adressen skal starte med https:// — ikke http://.");
        assertThat(errorFor(Map.of("url", "www.kommune.dk/ansoeg"), "url"))
                .isEqualTo("Skriv hele adressen med https:// foran, fx https://www.kommune.dk/ansoeg.");
        assertThat(errorFor(Map.of("url", "https://bruger:kode@www.kommune.dk/"), "url"))
                .isEqualTo("Adressen må ikke indeholde brugernavn eller adgangskode.");
        assertThat(errorFor(Map.of("url", "https://www.kommune.dk/" + "a".repeat(2000)), "url"))
                .isEqualTo("Adressen må højst være 2.000 tegn.");
        assertThat(errorFor(Map.of("url", "ftp://www.kommune.dk/"), "url"))
                .isEqualTo("Skriv en gyldig adresse, der starter med https://, fx https://www.kommune.dk/ansoeg.");
        assertThat(errorFor(Map.of("shortDescription", ""), "shortDescription")).isEqualTo("Skriv en kort beskrivelse.");
        assertThat(errorFor(Map.of("shortDescription", "x".repeat(501)), "shortDescription"))
                .isEqualTo("Den korte beskrivelse må højst være 500 tegn.");
        assertThat(errorFor(Map.of("supplierName", ""), "supplierName")).isEqualTo("Skriv løsningsleverandørens navn.");
        assertThat(errorFor(Map.of("supplierName", "x".repeat(201)), "supplierName"))
                .isEqualTo("Løsningsleverandørens navn må højst være 200 tegn.");
        assertThat(errorFor(Map.of("supplierEmail", ""), "supplierEmail")).isEqualTo("Skriv en e-mailadresse.");
        assertThat(errorFor(Map.of("supplierEmail", "support.leverandoer.dk"), "supplierEmail"))
                .isEqualTo("Skriv e-mailadressen i det rigtige format, fx support@leverandoer.dk.");
        assertThat(errorFor(Map.of("authorityCvr", ""), "authorityCvr"))
                .isEqualTo("Skriv myndighedens CVR-nummer. Det har 8 cifre.");
        assertThat(errorFor(Map.of("authorityCvr", "1234"), "authorityCvr"))
                .isEqualTo("Skriv et CVR-nummer med 8 cifre, fx 29189919.");
        assertThat(errorFor(Map.of("authorityCvr", "12345678"), "authorityCvr"))
                .isEqualTo("CVR-nummeret findes ikke. Tjek, at du har skrevet alle 8 cifre rigtigt.");
        assertThat(errorFor(Map.of("kind", ""), "kind"))
                .isEqualTo("Vælg, om det er en ny eller en eksisterende selvbetjening.");
        assertThat(errorFor(Map.of("kind", "EXISTING"), "existingServiceId"))
                .isEqualTo("Vælg den eksisterende selvbetjening, som ændringen gælder.");
    }

    @Test
    void aChangeNeedsNoCvrNumberButANewSelfServiceDoes() {
        Document change = html(check(with(aValidForm(aTitle(), authority), Map.of("kind", "EXISTING",
                "existingServiceId", published.id().toString(), "authorityCvr", ""))));
        assertThat(change.select("#error-summary")).isEmpty();
        Document added = html(check(with(aValidForm(aTitle(), authority), Map.of("authorityCvr", ""))));
        assertThat(added.select("#error-summary a").eachAttr("href")).containsExactly("#authorityCvr");
    }

    /** The date's error and where the summary links, for the three parts as typed. */
    private Document withDate(String day, String month, String year) {
        return html(check(with(aValidForm(aTitle(), authority), Map.of("plannedGoLive.day", day,
                "plannedGoLive.month", month, "plannedGoLive.year", year))));
    }

    private void assertDateError(Document page, String link, String message, List<String> marked) {
        assertThat(page.select("#error-summary a").eachAttr("href")).containsExactly(link);
        assertThat(page.select("#error-summary a").text()).isEqualTo(message);
        assertThat(page.select("#plannedGoLive-error").text()).isEqualTo("Fejl: " + message);
        assertThat(page.select(".date-group input.date-input-error").eachAttr("id")).as("the inputs marked")
                .containsExactlyElementsOf(marked);
        assertThat(page.getElementById("plannedGoLive").closest("fieldset").attr("aria-describedby"))
                .isEqualTo("plannedGoLive-hint plannedGoLive-error");
    }

    @Test
    void theDateIsThreeFieldsAndEachMistakeHasItsOwnMessage() {
        List<String> all = List.of("plannedGoLive", "plannedGoLive-month", "plannedGoLive-year");
        assertDateError(withDate("1", "", "2099"), "#plannedGoLive-month", "Datoen skal have en måned.",
                List.of("plannedGoLive-month"));
        assertDateError(withDate("1", "3", ""), "#plannedGoLive-year", "Datoen skal have et år.",
                List.of("plannedGoLive-year"));
        assertDateError(withDate("", "3", "2099"), "#plannedGoLive", "Datoen skal have en dag.", all);
        assertDateError(withDate("", "", "2099"), "#plannedGoLive", "Datoen skal have en dag og en måned.", all);
        assertDateError(withDate("1", "", ""), "#plannedGoLive", "Datoen skal have en måned og et år.", all);
        assertDateError(withDate("1", "marts", "2099"), "#plannedGoLive", "Skriv datoen med tal, fx 1 3 2027.", all);
        assertDateError(withDate("1", "3", "99"), "#plannedGoLive-year", "Skriv året med 4 cifre, fx 2027.",
                List.of("plannedGoLive-year"));
        assertDateError(withDate("31", "2", "2099"), "#plannedGoLive",
                "Datoen findes ikke. Skriv en rigtig dato, fx 1 3 2027.", all);
        assertDateError(withDate("1", "13", "2099"), "#plannedGoLive",
                "Datoen findes ikke. Skriv en rigtig dato, fx 1 3 2027.", all);
        assertDateError(withDate("1", "1", "2001"), "#plannedGoLive",
                "Datoen for idriftsættelse må ikke ligge i fortiden.", all);

        Document typed = withDate("31", "2", "2099");
        assertThat(typed.getElementById("plannedGoLive").val()).as("kept as typed").isEqualTo("31");
        assertThat(typed.getElementById("plannedGoLive-month").val()).isEqualTo("2");
        assertThat(withDate("", "", "").select("#error-summary")).as("the date is optional").isEmpty();
        assertThat(withDate(" 01 ", "03", "2099").select("#error-summary")).isEmpty();
    }
}
