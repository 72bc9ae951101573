package dk.selvbetjening.connection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.shared.web.Browser;
import dk.selvbetjening.shared.web.WithBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A connection request's whole journey in a real browser (headless Debian Chromium), without JavaScript of our
 * own: a supplier submits the public form, an editor takes the request and asks for changes, the supplier amends
 * it through the status link, the editor approves and publishes, and citizens see the new action page; and a form
 * (blanket) and a municipal solution, from the form to their published action pages. Every page
 * on the way is checked with axe-core against WCAG 2.1 A and AA. The browser may only reach 127.0.0.1.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithBrowser
class ConnectionJourneyBrowserTests {


    @LocalServerPort
    int port;

    @Autowired
    ConnectionWebTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    SelfServiceService services;

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private final List<String> checkedPages = new ArrayList<>();

    private AuthorityDetails authority;
    private TestAccount editor;

    @BeforeEach
    void countThisTestsPages() {
        checkedPages.clear();
    }

    @BeforeAll
    void anAuthorityAndAnEditor() {
        authority = data.anAuthority();
        editor = accounts.editor();
    }

    @Test
    void aSupplierSubmitsAnEditorReviewsTheSupplierAmendsAndCitizensSeeThePublishedService() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String firstTitle = "Journeytilladelse " + suffix;
        String fixedTitle = "Søg om journeytilladelse " + suffix;

        // The supplier fills in the public form; the first try has a wrong address.
        open("/tilslut");
        check("connection-form");
        driver.findElement(By.cssSelector("label[for=kind]")).click();
        type("title", firstTitle);
        type("url", "http://www.example-styrelse.dk/journey/" + suffix);
        type("shortDescription", "Her søger du om en journeytilladelse.");
        type("supplierName", "Journeyleverandøren A/S");
        type("supplierEmail", "journey@leverandoer.dk");
        type("authorityCvr", authority.cvrNumber());
        driver.findElement(By.cssSelector("label[for=topics]")).click();
        type("actionPage.title", "Søg om journeytilladelse");
        type("actionPage.intro", "Du kan søge online. Det tager 5 minutter.");
        type("actionPage.beforeYouStart", "MitID.\nDit CPR-nummer.");
        submit();

        wait.until(ExpectedConditions.titleContains("Fejl: "));
        WebElement summary = driver.findElement(By.id("error-summary"));
        assertThat(summary.findElements(By.tagName("a"))).singleElement()
                .satisfies(link -> assertThat(link.getDomAttribute("href")).isEqualTo("#url"));
        assertThat(driver.findElement(By.id("url-error")).getText()).contains("https:// — ikke http://");
        assertThat(driver.findElement(By.id("title")).getDomProperty("value")).isEqualTo(firstTitle);
        check("connection-form-error");

        type("url", "https://www.example-styrelse.dk/journey/" + suffix);
        submit();
        wait.until(ExpectedConditions.titleIs("Tjek dine svar – Selvbetjening"));
        check("connection-check-answers");
        send();
        String reference = driver.findElement(By.cssSelector(".connection-reference")).getText();
        assertThat(reference).matches("TS-\\d{4}-\\d{6}");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Anmodningen er sendt");
        String statusLink = driver.findElement(By.cssSelector("a.connection-status-link")).getDomProperty("href");
        assertThat(statusLink).startsWith(url("/tilslut/status/" + reference + "?token="));
        check("connection-receipt");

        // An editor logs in, finds the request in the queue, takes it and asks for changes.
        open("/redaktion/log-ind");
        check("login");
        logIn();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
        driver.findElement(By.linkText("Tilslutninger")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/tilslutninger")));
        check("review-queue");
        driver.findElement(By.linkText(reference)).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/tilslutninger/" + reference)));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(firstTitle);
        check("review-submitted");

        driver.findElement(By.xpath("//button[normalize-space()='Tag til behandling']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"),
                "Du har taget anmodningen til behandling."));
        check("review-in-review");

        type("changesMessage", "Titlen skal begynde med det, borgeren gør, fx Søg om.");
        driver.findElement(By.xpath("//button[normalize-space()='Bed om ændringer']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"),
                "Leverandøren har fået besked om at rette anmodningen."));
        check("review-changes-requested");
        driver.findElement(By.xpath("//button[normalize-space()='Log ud']")).click();
        wait.until(ExpectedConditions.urlContains("/redaktion/log-ind"));

        // The supplier opens the personal link, reads the message and fixes the title.
        driver.get(statusLink);
        assertThat(driver.findElement(By.cssSelector(".connection-messages")).getText())
                .contains("Titlen skal begynde med det, borgeren gør, fx Søg om.");
        check("status-changes-requested");
        type("title", fixedTitle);
        submit();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"),
                "Tak. Din rettede anmodning er sendt til redaktionen."));
        assertThat(driver.findElement(By.cssSelector(".font-lead")).getText()).isEqualTo("Status: Under behandling");
        check("status-resubmitted");

        // The editor opens the request (logging in on the way), approves and publishes it.
        open("/redaktion/tilslutninger/" + reference);
        wait.until(ExpectedConditions.urlContains("/redaktion/log-ind"));
        logIn();
        wait.until(ExpectedConditions.urlContains("/redaktion/tilslutninger/" + reference));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(fixedTitle);
        check("review-resubmitted");
        driver.findElement(By.xpath("//button[normalize-space()='Godkend anmodningen']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"),
                "Anmodningen er godkendt. Udgiv selvbetjeningen, når den er klar."));
        check("review-approved");
        driver.findElement(By.xpath("//button[normalize-space()='Udgiv selvbetjeningen']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"),
                "Selvbetjeningen er udgivet. Borgerne kan se den nu."));
        check("review-published");

        // Citizens see the new action page.
        WebElement published = driver.findElement(By.cssSelector("a.connection-published-link"));
        String slug = published.getDomAttribute("href").substring("/handlingsside/".length());
        SelfServiceDetails service = services.bySlug(slug).orElseThrow();
        assertThat(service.title()).isEqualTo(fixedTitle);
        published.click();
        wait.until(ExpectedConditions.urlToBe(url("/handlingsside/" + slug)));
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("the proposed action page's title")
                .isEqualTo("Søg om journeytilladelse");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Du kan søge online. Det tager 5 minutter.")
                .contains("Dit CPR-nummer.");
        check("action-page");

        assertThat(checkedPages).hasSize(15);
    }

    @Test
    void aFormAndAMunicipalSolutionGoFromTheFormToPublishedActionPages() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String formTitle = "Søg om fritagelse med blanket " + suffix;
        String municipalTitle = "Bestil storskrald " + suffix;

        // A form (blanket), returned by post.
        open("/tilslut");
        driver.findElement(By.cssSelector("label[for=kind]")).click();
        type("title", formTitle);
        type("url", "https://www.example-styrelse.dk/blanket-" + suffix + ".pdf");
        type("shortDescription", "Hent blanketten, udfyld den, og send den til os.");
        type("supplierName", "Blanketstyrelsen");
        type("supplierEmail", "blanket@example-styrelse.dk");
        type("authorityCvr", authority.cvrNumber());
        new Select(driver.findElement(By.id("serviceKind"))).selectByValue("FORM");
        driver.findElement(By.cssSelector("label[for=formReturn-POST]")).click();
        type("actionPage.title", formTitle);
        type("actionPage.intro", "Her henter du blanketten. Du sender den med posten.");
        type("actionPage.beforeYouStart", "En printer.");
        check("connection-form-filled-form");
        submit();
        send();
        String formReference = driver.findElement(By.cssSelector(".connection-reference")).getText();

        // A municipal solution: the links of the municipalities the supplier knows, no address of its own.
        open("/tilslut");
        driver.findElement(By.cssSelector("label[for=kind]")).click();
        type("title", municipalTitle);
        driver.findElement(By.cssSelector("label[for=scope-MUNICIPAL]")).click();
        type("municipalLinks", "101 https://www.kk.dk/storskrald-" + suffix + "\n461 https://www.odense.dk/storskrald");
        type("shortDescription", "Bestil afhentning af storskrald.");
        type("supplierName", "Affaldsleverandøren A/S");
        type("supplierEmail", "affald@leverandoer.dk");
        type("authorityCvr", authority.cvrNumber());
        type("actionPage.title", municipalTitle);
        type("actionPage.intro", "Her bestiller du afhentning af storskrald.");
        type("actionPage.beforeYouStart", "Din adresse.");
        type("actionPage.rules", "Kommunens affaldsregulativ.");
        check("connection-form-filled-municipal");
        submit();
        send();
        String municipalReference = driver.findElement(By.cssSelector(".connection-reference")).getText();
        check("connection-receipt-municipal");

        // The editor reviews, approves and publishes both.
        SelfServiceDetails form = approveAndPublish(formReference, "form");
        assertThat(form.kind()).isEqualTo(SelfServiceKind.FORM);
        assertThat(form.formReturn()).containsExactly(FormReturn.POST);
        openAsEditor("/redaktion/tilslutninger/" + municipalReference);
        assertThat(driver.findElement(By.cssSelector(".connection-municipal-links")).getText())
                .contains("101 København: https://www.kk.dk/storskrald-" + suffix);
        assertThat(driver.findElement(By.cssSelector(".action-page-content")).getText())
                .contains("Kommunens affaldsregulativ.");
        check("review-submitted-municipal");
        SelfServiceDetails municipal = approveAndPublish(municipalReference, "municipal");
        assertThat(municipal.isMunicipal()).isTrue();

        // Citizens of a municipality with a link start there; the rules are on the page.
        open("/handlingsside/" + municipal.slug() + "?kommunekode=101");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(municipalTitle);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Kommunens affaldsregulativ.");
        check("action-page-municipal");
        open("/handlingsside/" + form.slug());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(formTitle);
        check("action-page-form");

        assertThat(checkedPages).hasSize(10);
    }

    /** As the editor (logging in when asked): take, approve and publish the request; the published self-service. */
    private SelfServiceDetails approveAndPublish(String reference, String name) {
        openAsEditor("/redaktion/tilslutninger/" + reference);
        driver.findElement(By.xpath("//button[normalize-space()='Tag til behandling']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"),
                "Du har taget anmodningen til behandling."));
        check("review-in-review-" + name);
        driver.findElement(By.xpath("//button[normalize-space()='Godkend anmodningen']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"),
                "Anmodningen er godkendt. Udgiv selvbetjeningen, når den er klar."));
        driver.findElement(By.xpath("//button[normalize-space()='Udgiv selvbetjeningen']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"),
                "Selvbetjeningen er udgivet. Borgerne kan se den nu."));
        check("review-published-" + name);
        String href = driver.findElement(By.cssSelector("a.connection-published-link")).getDomAttribute("href");
        return services.bySlug(href.substring("/handlingsside/".length())).orElseThrow();
    }

    /** Opens a backoffice page, logging the editor in when the browser is not. */
    private void openAsEditor(String path) {
        open(path);
        if (driver.getCurrentUrl().contains("/redaktion/log-ind")) {
            logIn();
            wait.until(ExpectedConditions.urlContains(path));
        }
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Submits the form of the page's main content (not the logout form in the header): "Fortsæt" or "Send". */
    private void submit() {
        driver.findElement(By.cssSelector("main form.connection-form button.button-primary")).click();
    }

    /** On "Tjek dine svar": sends the request, and waits for the receipt. */
    private void send() {
        wait.until(ExpectedConditions.titleIs("Tjek dine svar – Selvbetjening"));
        driver.findElement(By.cssSelector("main form.connection-check button.button-primary")).click();
        wait.until(ExpectedConditions.urlContains("/tilslut/kvittering/"));
    }

    private void logIn() {
        type("email", editor.email());
        type("password", editor.password());
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    private void check(String name) {
        browser.assertNoAccessibilityViolations();
        browser.assertNoContentSecurityPolicyViolations();
        checkedPages.add(name);
        browser.screenshot("connection-" + name + ".png");
    }
}
