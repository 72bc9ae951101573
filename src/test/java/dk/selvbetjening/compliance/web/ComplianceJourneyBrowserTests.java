package dk.selvbetjening.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.ArrayList;
import java.util.List;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.compliance.ComplianceFixtures;
import dk.selvbetjening.compliance.requirement.RequirementCatalogue;
import dk.selvbetjening.compliance.requirement.RequirementDetails;
import dk.selvbetjening.connection.ConnectionIntakeService;
import dk.selvbetjening.connection.ConnectionReviewService;
import dk.selvbetjening.connection.Submission;
import dk.selvbetjening.shared.web.Browser;
import dk.selvbetjening.shared.web.WithBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A mandatory solution's way to go-live in a real browser (headless Debian Chromium), without JavaScript of our own:
 * the owning authority's editor assesses it, publishing is refused with the missing requirement listed, the authority
 * completes the assessment, an editor verifies the answers and publishes, and the authority signs it off for the
 * year; the sign-off report shows it. Every page on the way is checked with axe-core against WCAG 2.1 A and AA.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithBrowser
class ComplianceJourneyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Autowired
    ComplianceFixtures fixtures;

    @Autowired
    SelfServiceService services;

    @Autowired
    ConnectionIntakeService intake;

    @Autowired
    ConnectionReviewService review;

    @Autowired
    RequirementCatalogue catalogue;

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private final List<String> checkedPages = new ArrayList<>();

    private TestAccount authorityEditor;
    private TestAccount editor;
    private SelfServiceDetails service;
    private String reference;

    @BeforeAll
    void aWaveSolutionWithAnApprovedRequestAndTheAccounts() {
        AuthorityDetails authority = authorities.register(AuthorityFixtures.aStateAuthority("Rejsestyrelsen"));
        authorityEditor = accounts.authorityEditor(authority.id());
        editor = accounts.editor();
        NewSelfService wave = SelfServiceFixtures.aWaveSelfService(authority.id(), "https://www.example-styrelse.dk/pas", 2);
        service = fixtures.draft(new NewSelfService("bestil-pas-rejse", "Bestil pas til rejsen", wave.shortDescription(),
                wave.kind(), wave.scope(), wave.url(), wave.formReturn(), wave.authorityId(), wave.supplierName(),
                wave.supplierEmail(), wave.loginMethod(), wave.mandatoryWave(), wave.kleNumber(), wave.topics(),
                wave.keywords(), false));
        reference = accounts.runAsVisitor(() -> intake.submit(new Submission("EXISTING", service.id().toString(),
                "Bestil pas til rejsen", "https://www.example-styrelse.dk/pas/ny", "Bestil et nyt pas.",
                "Passystemer A/S", "pas@leverandoer.dk", null, null, null, List.of(), null, null), null)).reference();
        accounts.runAs(editor, () -> review.take(reference, 0));
        accounts.runAs(editor, () -> review.approve(reference, 1));

    }

    @Test
    void anAuthorityAssessesAnEditorIsRefusedThenVerifiesAndPublishesAndTheAuthoritySignsOff() {
        // The authority's editor answers every requirement but one: the solution cannot be used with a keyboard.
        logIn(authorityEditor);
        driver.findElement(By.linkText("Vurderinger")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/vurderinger")));
        check("assessments");
        driver.findElement(By.linkText("Bestil pas til rejsen")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/vurderinger/bestil-pas-rejse")));
        assertThat(driver.findElement(By.cssSelector(".compliance-missing .alert-heading")).getText())
                .isEqualTo("Nej. 24 krav mangler:");
        check("assessment-empty");
        driver.findElement(By.linkText("Udfyld vurderingen")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/vurderinger/bestil-pas-rejse/udfyld")));
        check("answer-form");
        for (RequirementDetails requirement : catalogue.inForce()) {
            String number = requirement.number();
            choose(number.equals("4.2") ? "status_4.2_NOT_MET" : "status_" + number);
        }
        type("justification_4.2", "Datovælgeren kan ikke bruges med tastatur.");
        type("evidence_4.4", "https://www.was.digst.dk/bestil-pas-rejse");
        submit("main form button.button-primary");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"), "Vurderingen er gemt."));
        assertThat(driver.findElement(By.cssSelector(".compliance-missing")).getText())
                .contains("Krav 4.2 Kan bruges med tastatur alene: ikke opfyldt");
        check("assessment-saved");
        logOut();

        // The editor tries to publish the request's changes: refused, with the missing requirement listed.
        logIn(editor);
        open("/redaktion/tilslutninger/" + reference);
        assertThat(driver.findElement(By.cssSelector(".compliance-summary")).getText())
                .contains("23 af 24 krav er opfyldt eller ikke relevante.");
        check("request-approved");
        driver.findElement(By.xpath("//button[normalize-space()='Udgiv selvbetjeningen']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".compliance-missing")));
        WebElement refusal = driver.findElement(By.cssSelector(".compliance-missing"));
        assertThat(refusal.findElement(By.cssSelector(".alert-heading")).getText())
                .isEqualTo("Selvbetjeningen kan ikke udgives");
        assertThat(refusal.findElements(By.tagName("li"))).extracting(WebElement::getText)
                .containsExactly("Krav 4.2 Kan bruges med tastatur alene: ikke opfyldt");
        assertThat(services.byId(service.id()).status()).isEqualTo(SelfServiceStatus.DRAFT);
        check("request-refused");
        logOut();

        // The authority fixes the keyboard support and answers again.
        logIn(authorityEditor);
        open("/redaktion/vurderinger/bestil-pas-rejse/udfyld");
        choose("status_4.2");
        type("justification_4.2", "Datovælgeren er skiftet ud og testet med tastatur.");
        submit("main form button.button-primary");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"), "Vurderingen er gemt."));
        assertThat(driver.findElements(By.cssSelector(".alert-success .alert-heading"))).extracting(WebElement::getText)
                .containsExactly("Vurderingen er gemt.", "Ja. Alle krav er opfyldt eller ikke relevante.");
        logOut();

        // The editor verifies the answers and publishes.
        logIn(editor);
        open("/redaktion/vurderinger/bestil-pas-rejse");
        check("assessment-complete");
        driver.findElement(By.xpath("//button[normalize-space()='Bekræft alle svar, der ikke er gennemgået']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"), "Svarene er bekræftet."));
        assertThat(driver.findElements(By.xpath("//span[normalize-space()='Bekræftet af redaktionen']"))).hasSize(24);
        check("assessment-verified");
        open("/redaktion/tilslutninger/" + reference);
        driver.findElement(By.xpath("//button[normalize-space()='Udgiv selvbetjeningen']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"),
                "Selvbetjeningen er udgivet. Borgerne kan se den nu."));
        assertThat(services.byId(service.id()).status()).isEqualTo(SelfServiceStatus.PUBLISHED);
        check("request-published");
        logOut();

        // The authority signs it off for the year; the report shows it as signed off.
        logIn(authorityEditor);
        open("/redaktion/vurderinger/bestil-pas-rejse");
        submit("form[action$='/klarmeld'] button");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"),
                "Selvbetjeningen er klarmeldt."));
        assertThat(driver.findElement(By.cssSelector(".compliance-sign-off-state")).getText()).isEqualTo("Klarmeldt");
        check("assessment-signed-off");
        driver.findElement(By.linkText("Vurderinger")).click();
        driver.findElement(By.linkText("Klarmelding")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/klarmelding")));
        WebElement row = driver.findElement(By.xpath("//table[contains(@class,'compliance-rows')]//tr[td[1][normalize-space()='Bestil pas til rejsen']]"));
        assertThat(row.getDomAttribute("data-state")).isEqualTo("SIGNED_OFF");
        assertThat(driver.findElement(By.cssSelector(".compliance-total")).getText())
                .isEqualTo("1 klarmeldt, 0 afventer og 0 opfylder ikke kravene af i alt 1.");
        check("sign-off-report");
        driver.findElement(By.linkText("Vis til udskrift")).click();
        wait.until(ExpectedConditions.urlContains("/redaktion/klarmelding/udskriv"));
        assertThat(driver.findElements(By.cssSelector("nav"))).isEmpty();
        check("sign-off-print");
        open("/redaktion");
        logOut();

        // The catalogue, as an editor sees it.
        logIn(editor);
        open("/redaktion/krav");
        check("requirements");
        driver.findElement(By.linkText("Kan bruges med tastatur alene")).click();
        assertThat(driver.findElement(By.cssSelector(".alert-warning .alert-heading")).getText())
                .isEqualTo("Ikke verificeret ordlyd");
        check("requirement");

        assertThat(checkedPages).hasSize(14);
    }

    private void logIn(TestAccount account) {
        open("/redaktion/log-ind");
        type("email", account.email());
        type("password", account.password());
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
    }

    private void logOut() {
        driver.findElement(By.xpath("//button[normalize-space()='Log ud']")).click();
        wait.until(ExpectedConditions.urlContains("/redaktion/log-ind"));
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

    private void choose(String radioId) {
        driver.findElement(By.cssSelector("label[for='" + radioId + "']")).click();
    }

    private void submit(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    private void check(String name) {
        browser.assertNoAccessibilityViolations();
        checkedPages.add(name);
        browser.screenshot("compliance-" + name + ".png");
    }
}
